namespace AllianceTracker.Web.Data.Seeding;

// The on-disk shape of the seed dataset (docs/data-format.md). Kept apart from the domain types
// so the file format can stay stable while the model evolves.

internal sealed record MembersFile(IReadOnlyList<MemberRecord> Members);

internal sealed record MemberRecord(
    string Alpha2,
    string Alpha3,
    string Numeric,
    string Name,
    int Joined,
    string Subregion,
    bool Eu,
    bool B9);

internal sealed record SourcesFile(IReadOnlyList<SourceRecord> Sources);

internal sealed record SourceRecord(
    string Key,
    string Title,
    string Outlet,
    string Kind,
    string? Url = null,
    DateOnly? Published = null,
    bool PublishedApproximate = false);

internal sealed record SummitsFile(IReadOnlyList<SummitRecord> Summits);

internal sealed record SummitRecord(
    string Slug,
    string Name,
    string City,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<ProposalRecord> Proposals);

internal sealed record ProposalRecord(
    string Slug,
    string Title,
    string Description,
    string Proposer,
    DateOnly TabledOn,
    bool TabledOnApproximate = false);

internal sealed record StancesFile(IReadOnlyList<StanceRecord> Stances);

internal sealed record StanceRecord(
    string Member,
    string Proposal,
    string Stance,
    DateOnly EffectiveOn,
    string Rationale,
    IReadOnlyList<EvidenceRecord> Evidence,
    string? Conditions = null);

internal sealed record EvidenceRecord(string Source, string Excerpt);
