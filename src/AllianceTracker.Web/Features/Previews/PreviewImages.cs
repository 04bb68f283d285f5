using AllianceTracker.Web.Api;
using AllianceTracker.Web.Features.Positions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Previews;

/// <summary>
/// The link-preview images the reading pages name in og:image: today's answer, cached like every
/// anonymous read (per URL and data version), so a new stance gives a new image.
/// </summary>
public static class PreviewImages
{
    public static IEndpointRouteBuilder MapPreviewImages(this IEndpointRouteBuilder endpoints)
    {
        var previews = endpoints.MapGroup("/previews").ExcludeFromDescription().AllowAnonymous().WithMetadata(CacheableReadAttribute.Instance);
        previews.MapGet("/dashboard.png", async (HttpContext context, AlliancePictureCache pictures, PublicAddress address) =>
        {
            var picture = await pictures.GetAsync(cancellationToken: context.RequestAborted);
            var summit = picture.ChooseSummit(null);
            var shown = summit is null ? picture : picture.ForSummit(summit.Slug);
            return TypedResults.File(PreviewImage.Dashboard(shown, Host(address, context)), "image/png");
        });
        previews.MapGet("/proposals/{slug}.png", async Task<Results<FileContentHttpResult, NotFound<string>>> (
            string slug, HttpContext context, AlliancePictureCache pictures, PublicAddress address) =>
        {
            var picture = await pictures.GetAsync(cancellationToken: context.RequestAborted);
            return picture.FindProposal(slug) is { } consensus
                ? TypedResults.File(PreviewImage.Proposal(picture, consensus, Host(address, context)), "image/png")
                : TypedResults.NotFound($"There is no proposal with the slug '{slug}'.");
        });
        return endpoints;
    }

    // The site's name as a reader would type it, on the image's banner.
    private static string Host(PublicAddress address, HttpContext context) => new Uri(address.BaseUrl(context)).Authority;
}
