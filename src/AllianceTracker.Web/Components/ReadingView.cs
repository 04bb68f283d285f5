using AllianceTracker.Web.Domain;
using Microsoft.AspNetCore.WebUtilities;

namespace AllianceTracker.Web.Components;

/// <summary>
/// The date and summit a reader is looking at. Links between reading pages carry them, so a reader
/// who opened the picture of 20 June 2024 stays on that date when they follow a member or a
/// proposal, until they leave it ("Back to today's picture"). The layout cascades it from the
/// address; pages and shared components build their links with <see cref="Link"/>.
/// </summary>
public sealed record ReadingView(string? AsOf, string? Summit)
{
    public static readonly ReadingView Today = new(null, null);

    /// <summary>The view in <paramref name="uri"/>'s query; a date that is not a date is not carried.</summary>
    public static ReadingView Of(string uri)
    {
        var queryStart = uri.IndexOf('?', StringComparison.Ordinal);
        if (queryStart < 0)
        {
            return Today;
        }

        var query = QueryHelpers.ParseQuery(uri[queryStart..].Split('#')[0]);
        var asOf = query.TryGetValue("asOf", out var date) && IsoDate.TryParse(date.ToString(), out _) ? date.ToString() : null;
        var summit = query.TryGetValue("summit", out var slug) && !string.IsNullOrWhiteSpace(slug) ? slug.ToString() : null;
        return asOf is null && summit is null ? Today : new ReadingView(asOf, summit);
    }

    /// <summary><paramref name="path"/> (base-relative, no query) with this view's date and summit.</summary>
    public string Link(string path)
    {
        var parameters = new List<KeyValuePair<string, string?>>(2);
        if (AsOf is not null)
        {
            parameters.Add(new("asOf", AsOf));
        }

        if (Summit is not null)
        {
            parameters.Add(new("summit", Summit));
        }

        return parameters.Count == 0 ? path : QueryHelpers.AddQueryString(path, parameters);
    }
}
