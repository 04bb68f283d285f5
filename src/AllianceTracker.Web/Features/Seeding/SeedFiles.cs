using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.Seeding;

// The on-disk shape of the seed dataset (docs/data-format.md). Kept apart from the domain types
// so the file format can stay stable while the model evolves; each record maps onto the input the
// history's write path takes, in one place (ToInput).

internal sealed record MembersFile(IReadOnlyList<MemberRecord> Members);

internal sealed record MemberRecord(
    string Alpha2,
    string Alpha3,
    string Numeric,
    string Name,
    int Joined,
    string Subregion,
    bool Eu,
    bool B9)
{
    public MemberInput ToInput() => new(Alpha3, Alpha2, Numeric, Name, Joined, Subregion, Eu, B9);
}

internal sealed record SourcesFile(IReadOnlyList<SourceRecord> Sources);

internal sealed record SourceRecord(
    string Key,
    string Title,
    string Outlet,
    string Kind,
    string? Url = null,
    DateOnly? Published = null,
    bool PublishedApproximate = false)
{
    public SourceInput ToInput()
    {
        // An unknown kind code reads as a news report (the enum's first value), as it always has.
        var kind = SourceKindCodes.TryParse(Kind, out var parsed) ? parsed : SourceKind.NewsReport;
        return new(Key, Title, Outlet, Url, Published, PublishedApproximate, kind);
    }
}

internal sealed record SummitsFile(IReadOnlyList<SummitRecord> Summits);

internal sealed record SummitRecord(
    string Slug,
    string Name,
    string City,
    DateOnly StartsOn,
    DateOnly EndsOn,
    IReadOnlyList<ProposalRecord> Proposals)
{
    public SummitInput ToInput() => new(Slug, Name, City, StartsOn, EndsOn);
}

internal sealed record ProposalRecord(
    string Slug,
    string Title,
    string Description,
    string Proposer,
    DateOnly? TabledOn,
    bool TabledOnApproximate = false)
{
    public ProposalInput ToInput(string summitSlug) => new(Slug, summitSlug, Title, Description, Proposer, TabledOn, TabledOnApproximate);
}

internal sealed record StancesFile(IReadOnlyList<StanceRecord> Stances);

internal sealed record StanceRecord(
    string Member,
    string Proposal,
    string Stance,
    DateOnly EffectiveOn,
    string Rationale,
    IReadOnlyList<EvidenceRecord> Evidence,
    string? Conditions = null,
    bool EffectiveOnApproximate = false,
    string? InterpretationNote = null)
{
    public string Label => $"{Member} on {Proposal}";

    public StanceChangeInput ToInput()
    {
        // An unknown stance code reads as Unknown ("no position on record"), as it always has.
        var stance = StanceVocabulary.TryParse(Stance, out var parsed) ? parsed : Domain.Stance.Unknown;
        return new(Member, Proposal, stance, Conditions, EffectiveOn, Rationale, Evidence.Select(e => new EvidenceInput(e.Source, e.Excerpt)).ToList(),
            EffectiveOnIsApproximate: EffectiveOnApproximate, InterpretationNote: InterpretationNote);
    }
}

internal sealed record EvidenceRecord(string Source, string Excerpt);

/// <summary>The four seed files, read.</summary>
internal sealed record SeedDataset(MembersFile Members, SourcesFile Sources, SummitsFile Summits, StancesFile Stances)
{
    public IEnumerable<(SummitRecord Summit, ProposalRecord Proposal)> Proposals =>
        Summits.Summits.SelectMany(s => s.Proposals.Select(p => (s, p)));
}
