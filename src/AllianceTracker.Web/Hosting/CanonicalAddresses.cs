namespace AllianceTracker.Web.Hosting;

/// <summary>
/// One address per member and proposal: member codes are upper case (POL), proposal slugs lower
/// case (ukraine-fund). A GET or HEAD for another spelling (/members/pol, /api/v1/proposals/Ukraine-Fund)
/// is redirected permanently to the canonical one, query kept, so links, caches and citations
/// converge on one URL instead of the lookups quietly accepting every case.
/// </summary>
internal static class CanonicalAddresses
{
    private static readonly (string Prefix, Func<string, string> Canonical)[] Rules =
    [
        ("/members/", segment => segment.ToUpperInvariant()),
        ("/api/v1/members/", segment => segment.ToUpperInvariant()),
        ("/proposals/", segment => segment.ToLowerInvariant()),
        ("/api/v1/proposals/", segment => segment.ToLowerInvariant()),
    ];

    public static IApplicationBuilder UseCanonicalAddresses(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var request = context.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && request.Path.Value is { } path
            && Canonical(path) is { } canonical)
        {
            context.Response.Redirect(request.PathBase + canonical + request.QueryString, permanent: true);
            return Task.CompletedTask;
        }

        return next(context);
    });

    /// <summary>The canonical path when <paramref name="path"/> spells a member or proposal otherwise; else null.</summary>
    internal static string? Canonical(string path)
    {
        foreach (var (prefix, canonical) in Rules)
        {
            if (!path.StartsWith(prefix, StringComparison.Ordinal) || path.Length == prefix.Length)
            {
                continue;
            }

            var end = path.IndexOf('/', prefix.Length);
            var segment = end < 0 ? path[prefix.Length..] : path[prefix.Length..end];
            var fixedSegment = canonical(segment);
            return fixedSegment == segment ? null : prefix + fixedSegment + (end < 0 ? "" : path[end..]);
        }

        return null;
    }
}
