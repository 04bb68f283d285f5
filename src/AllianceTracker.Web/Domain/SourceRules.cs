namespace AllianceTracker.Web.Domain;

public static class SourceRules
{
    public static IEnumerable<FieldProblem> Check(SourceInput source, DateOnly today)
    {
        if (source.Key is not null && CodePatterns.CheckSlug(source.Key, "icaro-2024-04-stoltenberg-ukraine-fund") is { } key)
        {
            yield return new("key", key);
        }

        if (string.IsNullOrWhiteSpace(source.Title))
        {
            yield return new("title", "Give the source's title.");
        }

        if (string.IsNullOrWhiteSpace(source.Outlet))
        {
            yield return new("outlet", "Give the outlet or publisher.");
        }

        if (CheckUrl(source.Url) is { } url)
        {
            yield return new("url", url);
        }

        if (source.PublishedOn > today)
        {
            yield return new("publishedOn", $"{source.PublishedOn.Value.ToIso()} is in the future; give the date it was published.");
        }

        foreach (var problem in TextPolicy.Problems(("title", source.Title, TextPolicy.Title), ("outlet", source.Outlet, TextPolicy.Title)))
        {
            yield return problem;
        }
    }

    /// <summary>
    /// Only web addresses: javascript:, data: or file: links must never reach a page, and neither
    /// may spaces, control characters, credentials (https://user@…) or an address with no host.
    /// </summary>
    public static string? CheckUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (TextPolicy.Check(url, TextPolicy.Url) is { } text)
        {
            return text;
        }

        var trimmed = url.Trim();
        return !trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or '`')
            && Uri.TryCreate(trimmed, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            && uri.Host.Length > 0 && uri.UserInfo.Length == 0
            ? null
            : $"'{url}' is not a web address: give one starting with http:// or https://, with no spaces.";
    }

    /// <summary>The address as stored: scheme and host in lower case, the path escaped (Uri.AbsoluteUri); null for none.</summary>
    public static string? NormalizeUrl(string? url) =>
        string.IsNullOrWhiteSpace(url) ? null
        : Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ? uri.AbsoluteUri
        : url.Trim();

    /// <summary>Reads a published kind code; the problem names the codes there are.</summary>
    public static string? ParseKind(string? code, out SourceKind kind) =>
        SourceKindCodes.TryParse(code, out kind) ? null : $"'{code}' is not a kind of source; use one of {SourceKindCodes.CodeList}.";
}
