using AllianceTracker.Web.Api;
using AllianceTracker.Web.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Positions;

public sealed record MemberDto(string Alpha3, string Alpha2, string Numeric, string Name, int Joined, string Subregion, bool Eu, bool B9);

public sealed record ProposalDto(
    string Slug, string Title, string Description, string Proposer, string? TabledOn, bool TabledOnApproximate,
    string Summit, string SummitName, string Outcome, string? DecidedOn);

/// <summary>The members and proposals, as the positions and consensus endpoints refer to them.</summary>
public static class ReferenceApi
{
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/api/v1").WithTags("Members and proposals").WithMetadata(CacheableReadAttribute.Instance);
        v1.MapGet("/members", async (AlliancePictureCache pictures, CancellationToken ct) =>
            TypedResults.Ok((await pictures.GetAsync(cancellationToken: ct)).Members.Select(ToDto).ToList())).WithName("ListMembers");
        v1.MapGet("/members/{alpha3}", async Task<Results<Ok<MemberDto>, ProblemHttpResult>> (string alpha3, AlliancePictureCache pictures, CancellationToken ct) =>
            (await pictures.GetAsync(cancellationToken: ct)).FindMember(alpha3.ToUpperInvariant()) is { } member
                ? TypedResults.Ok(ToDto(member))
                : TypedResults.Problem(statusCode: 404, title: "No such member", detail: $"There is no member with the code '{alpha3}'.")).WithName("GetMember");
        v1.MapGet("/proposals", async (AlliancePictureCache pictures, CancellationToken ct) =>
            TypedResults.Ok((await pictures.GetAsync(cancellationToken: ct)).Proposals.Select(ToDto).ToList())).WithName("ListProposals");
        v1.MapGet("/proposals/{slug}", async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> (string slug, AlliancePictureCache pictures, CancellationToken ct) =>
            (await pictures.GetAsync(cancellationToken: ct)).FindProposal(slug) is { } proposal
                ? TypedResults.Ok(ToDto(proposal.Proposal))
                : TypedResults.Problem(statusCode: 404, title: "No such proposal", detail: $"There is no proposal with the slug '{slug}'.")).WithName("GetProposal");
        return endpoints;
    }

    private static MemberDto ToDto(MemberSummary m) =>
        new(m.Alpha3, m.Alpha2, m.NumericCode, m.Name, m.AccessionYear, m.Subregion, m.IsEuMember, m.IsBucharestNine);

    private static ProposalDto ToDto(ProposalSummary p) => new(
        p.Slug, p.Title, p.Description, p.Proposer, p.TabledOn is { } tabled ? tabled.ToIso() : null, p.TabledOnIsApproximate, p.SummitSlug, p.SummitName,
        p.Outcome.ToCode(), p.DecidedOn?.ToIso());
}
