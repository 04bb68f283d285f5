namespace AllianceTracker.Web.Components.Shell;

/// <summary>
/// Light or dark, decided on the server so the first byte is already in the right theme: the
/// reader's choice (cookie), else what their system asks for (Chromium's client hint, or the
/// cookie theme.js keeps for other browsers), else light.
/// </summary>
public static class ThemePreference
{
    public const string ChoiceCookie = "theme";
    public const string SystemCookie = "theme-system";
    public const string SystemHint = "Sec-CH-Prefers-Color-Scheme";

    public static bool IsDark(HttpContext context)
    {
        var request = context.Request;
        return request.Cookies[ChoiceCookie] switch
        {
            "dark" => true,
            "light" => false,
            _ => request.Cookies[SystemCookie] is { } system ? system == "dark" : request.Headers[SystemHint] == "dark",
        };
    }

    /// <summary>What the theme of a response depends on, for the output cache key.</summary>
    public static string KeyOf(HttpContext context) => IsDark(context) ? "dark" : "light";

    /// <summary>
    /// <c>GET /theme?set=dark&amp;returnUrl=/members/HUN</c>: remembers the reader's choice and goes
    /// back. A link, not a script, so it works on every page, with or without a circuit.
    /// </summary>
    public static IEndpointRouteBuilder MapThemeSwitch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/theme", (HttpContext context, string? set, string? returnUrl) =>
        {
            if (set is "dark" or "light")
            {
                context.Response.Cookies.Append(ChoiceCookie, set, new CookieOptions
                {
                    Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = false, IsEssential = true,
                });
            }

            // Only back into this site (LocalReturnUrl): anything else would be an open redirect.
            return Results.LocalRedirect(Api.LocalReturnUrl.OrHome(returnUrl));
        }).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }

    /// <summary>Asks Chromium to send the system theme with the first request of a visit (and to retry that request if it did not).</summary>
    public static IApplicationBuilder UseThemeHints(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true)
            {
                context.Response.Headers["Accept-CH"] = SystemHint;
                context.Response.Headers["Critical-CH"] = SystemHint;
                context.Response.Headers.Append("Vary", SystemHint);
            }

            return Task.CompletedTask;
        });
        return next(context);
    });
}
