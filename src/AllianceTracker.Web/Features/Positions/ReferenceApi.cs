using AllianceTracker.Web.Api;
using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Positions;

/// <summary>The members, summits and proposals, as the positions and consensus endpoints refer to them.</summary>
public static class ReferenceApi
{
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1").WithTags("Members and proposals").WithMetadata(CacheableReadAttribute.Instance);
        v1.MapGet("/members", async (AlliancePictureCache pictures, CancellationToken ct) =>
            TypedResults.Ok((await pictures.GetAsync(cancellationToken: ct)).Members.Select(ToDto).ToList())).WithName("ListMembers")
            .WithSummary("NATO's 32 members with their codes, accession year, subregion, EU and Bucharest Nine membership");
        v1.MapGet("/members/{alpha3}", async Task<Results<Ok<MemberDto>, ProblemHttpResult>> (string alpha3, AlliancePictureCache pictures, CancellationToken ct) =>
            (await pictures.GetAsync(cancellationToken: ct)).FindMember(alpha3.ToUpperInvariant()) is { } member
                ? TypedResults.Ok(ToDto(member))
                : TypedResults.Problem(statusCode: 404, title: "No such member", detail: $"There is no member with the code '{alpha3}'.")).WithName("GetMember")
            .WithSummary("One member by its alpha-3 code (upper case; another case redirects)");
        v1.MapGet("/proposals", async (AlliancePictureCache pictures, CancellationToken ct) =>
            TypedResults.Ok((await pictures.GetAsync(cancellationToken: ct)).Proposals.Select(ToDto).ToList())).WithName("ListProposals")
            .WithSummary("The proposals before the summits, with their outcome");
        v1.MapGet("/proposals/{slug}", async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> (string slug, HttpResponse response, AlliancePictureCache pictures, CancellationToken ct) =>
        {
            if ((await pictures.GetAsync(cancellationToken: ct)).FindProposal(slug) is not { } proposal)
            {
                return TypedResults.Problem(statusCode: 404, title: "No such proposal", detail: $"There is no proposal with the slug '{slug}'.");
            }

            VersionTags.Set(response, proposal.Proposal.Version);
            return TypedResults.Ok(ToDto(proposal.Proposal));
        }).WithName("GetProposal")
            .WithSummary("One proposal by its slug (lower case; another case redirects)");
        v1.MapGet("/summits", async (AlliancePictureCache pictures, CancellationToken ct) =>
            TypedResults.Ok((await pictures.GetAsync(cancellationToken: ct)).Summits.Select(ToDto).ToList())).WithName("ListSummits")
            .WithSummary("The summits proposals are tabled at");
        v1.MapGet("/summits/{slug}", async Task<Results<Ok<SummitDto>, ProblemHttpResult>> (string slug, AlliancePictureCache pictures, CancellationToken ct) =>
            (await pictures.GetAsync(cancellationToken: ct)).Summits.FirstOrDefault(s => s.Slug == slug) is { } summit
                ? TypedResults.Ok(ToDto(summit))
                : TypedResults.Problem(statusCode: 404, title: "No such summit", detail: $"There is no summit with the slug '{slug}'.")).WithName("GetSummit")
            .WithSummary("One summit by its slug");
        return endpoints;
    }

    private static SummitDto ToDto(SummitSummary s) => new(s.Slug, s.Name, s.City, s.StartsOn.ToIso(), s.EndsOn.ToIso());

    private static MemberDto ToDto(MemberSummary m) =>
        new(m.Alpha3, m.Alpha2, m.NumericCode, m.Name, m.AccessionYear, m.Subregion, m.IsEuMember, m.IsBucharestNine);

    /// <summary>A proposal as the API writes it, in reads and in a conflict's "what is saved now".</summary>
    public static ProposalDto ToDto(ProposalSummary p) => new(
        p.Slug, p.Title, p.Description, p.Proposer, p.TabledOn is { } tabled ? tabled.ToIso() : null, p.TabledOnIsApproximate, p.SummitSlug, p.SummitName,
        p.Outcome.ToCode(), p.DecidedOn?.ToIso(), p.Version);
}
