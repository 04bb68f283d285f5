namespace AllianceTracker.Web.Components.Shell;

public static class ThemeStylesheetEndpoints
{
    public static IEndpointRouteBuilder MapThemeStylesheets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/theme/{mode}.css", async (string mode, string? v, HttpContext context, ThemeStylesheets stylesheets) =>
        {
            // light and dark for editors' circuits; reading-light and reading-dark for readers' pages.
            var reading = mode.StartsWith("reading-", StringComparison.Ordinal);
            var theme = reading ? mode["reading-".Length..] : mode;
            if (theme is not ("light" or "dark"))
            {
                return Results.NotFound();
            }

            var sheet = await stylesheets.SheetAsync(theme == "dark", reading);
            context.Response.Headers.CacheControl = v == sheet.Hash ? "public, max-age=31536000, immutable" : "no-cache";
            return Results.Text(sheet.Css, "text/css; charset=utf-8");
        }).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }
}
