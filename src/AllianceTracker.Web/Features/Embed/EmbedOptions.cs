namespace AllianceTracker.Web.Features.Embed;

/// <summary>Who may show the embeddable cards (<c>/embed/…</c>) in a frame.</summary>
public sealed class EmbedOptions
{
    public const string Section = "Embed";

    /// <summary>
    /// Origins allowed to frame the cards, e.g. https://news.example.org. Empty: any site may (the
    /// cards show only what every reader sees). Every other page refuses framing whatever this says.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>The allowed origins without a trailing slash; a value that is not an origin stops the start, named.</summary>
    public List<string> CheckedOrigins()
    {
        foreach (var origin in AllowedOrigins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || origin.TrimEnd('/') != uri.GetLeftPart(UriPartial.Authority))
            {
                throw new InvalidOperationException($"{Section}:{nameof(AllowedOrigins)} holds '{origin}', which is not an origin such as https://news.example.org.");
            }
        }

        return AllowedOrigins.Select(o => o.TrimEnd('/')).ToList();
    }
}
