namespace AllianceTracker.Web.Components.Shell;

public static class ThemeStylesheetEndpoints
{
    public static IEndpointRouteBuilder MapThemeStylesheets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/theme/{mode}.css", async (string mode, string? v, HttpContext context, ThemeStylesheets stylesheets) =>
        {
            if (mode is not ("light" or "dark"))
            {
                return Results.NotFound();
            }

            var sheet = await stylesheets.SheetAsync(mode == "dark");
            context.Response.Headers.CacheControl = v == sheet.Hash ? "public, max-age=31536000, immutable" : "no-cache";
            return Results.Text(sheet.Css, "text/css; charset=utf-8");
        }).ExcludeFromDescription().AllowAnonymous();
        return endpoints;
    }
}
