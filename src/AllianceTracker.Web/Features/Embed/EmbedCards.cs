using AllianceTracker.Web.Api;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Embed;

/// <summary>
/// Cards a newsroom puts on its own page in an iframe: a proposal's answer (status, who blocks or
/// the decision, the members' count) or the dashboard's, as one small static page with no circuit
/// and no stylesheet to fetch, kept live by a 2 KB script that follows the change stream.
/// </summary>
public static class EmbedCards
{
    public static IEndpointRouteBuilder MapEmbedCards(this IEndpointRouteBuilder endpoints)
    {
        // Pages, not API operations: out of the OpenAPI document. Cached like every anonymous read,
        // per URL (the theme is in it) and data version.
        var cards = endpoints.MapGroup("/embed").ExcludeFromDescription().AllowAnonymous().WithMetadata(CacheableReadAttribute.Instance);
        cards.MapGet("/proposals/{slug}", async Task<Results<RazorComponentResult<EmbedCardDocument>, NotFound<string>>> (
            string slug, string? theme, HttpContext context, AlliancePictureCache pictures, IStanceChangeNotifier notifier, PublicAddress address) =>
        {
            var version = notifier.Version;
            var picture = await pictures.GetAsync(cancellationToken: context.RequestAborted);
            if (picture.FindProposal(slug) is not { } consensus)
            {
                return TypedResults.NotFound($"There is no proposal with the slug '{slug}'.");
            }

            return Card(context, address, picture, [consensus], $"proposals/{consensus.Proposal.Slug}", $"proposal:{consensus.Proposal.Slug}", version, theme);
        });
        cards.MapGet("/dashboard", async (string? theme, HttpContext context, AlliancePictureCache pictures, IStanceChangeNotifier notifier, PublicAddress address) =>
        {
            var version = notifier.Version;
            var picture = await pictures.GetAsync(cancellationToken: context.RequestAborted);
            return Card(context, address, picture, picture.Consensus, "", "all", version, theme);
        });
        return endpoints;
    }

    private static RazorComponentResult<EmbedCardDocument> Card(
        HttpContext context, PublicAddress address, AlliancePicture picture, IReadOnlyList<ProposalConsensus> proposals, string page, string scope, long version, string? theme) =>
        new(new Dictionary<string, object?>
        {
            [nameof(EmbedCardDocument.Picture)] = picture,
            [nameof(EmbedCardDocument.Proposals)] = proposals,
            [nameof(EmbedCardDocument.PageLink)] = $"{address.BaseUrl(context)}/{page}",
            [nameof(EmbedCardDocument.SiteLink)] = address.BaseUrl(context),
            [nameof(EmbedCardDocument.LiveScope)] = scope,
            [nameof(EmbedCardDocument.DataVersion)] = version,
            // Light or dark when asked; otherwise the reader's own system setting (a media query).
            [nameof(EmbedCardDocument.Theme)] = theme?.ToLowerInvariant() is "light" or "dark" ? theme.ToLowerInvariant() : null,
        });
}
