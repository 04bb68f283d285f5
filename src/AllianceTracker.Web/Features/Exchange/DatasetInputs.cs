using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// How the records of the export format become input to the history's write path: the one
/// mapping, used by the validator and the planner alike. Dates and codes must have been checked
/// (<see cref="DatasetValidator"/>) before a record is mapped.
/// </summary>
public static class DatasetInputs
{
    public static MemberInput Member(ExportMember m) => new(m.Alpha3, m.Alpha2, m.Numeric, m.Name, m.Joined, m.Subregion, m.Eu, m.B9);

    public static SummitInput Summit(ExportSummit s) => new(s.Slug, s.Name, s.City, IsoDate.Parse(s.StartsOn), IsoDate.Parse(s.EndsOn));

    public static ProposalInput Proposal(ExportProposal p) =>
        new(p.Slug, p.Summit, p.Title, p.Description, p.Proposer, IsoDate.ParseOrNull(p.TabledOn), p.TabledOnApproximate);

    public static SourceInput Source(ExportSource s)
    {
        // An unknown kind code reads as a news report (the enum's first value), as it always has.
        var kind = SourceKindCodes.TryParse(s.Kind, out var parsed) ? parsed : SourceKind.NewsReport;
        return new(s.Key, s.Title, s.Outlet, s.Url, IsoDate.ParseOrNull(s.Published), s.PublishedApproximate, kind);
    }

    /// <summary>A recorded position as a new history entry; imports write on top of whatever is there, so no version is expected.</summary>
    public static StanceChangeInput Change(ExportPosition p)
    {
        // An unknown stance code reads as Unknown ("no position on record"), as it always has.
        var stance = StanceVocabulary.TryParse(p.Stance, out var parsed) ? parsed : Stance.Unknown;
        return new(p.Member, p.Proposal, stance, p.Conditions, IsoDate.Parse(p.EffectiveDate!), p.Rationale ?? "",
            p.Evidence.Select(e => new EvidenceInput(e.Source, e.Excerpt)).ToList(), EffectiveOnIsApproximate: p.EffectiveDateApproximate == true,
            InterpretationNote: p.InterpretationNote);
    }

    /// <summary>A domain rule's field as the format names it (<c>effectiveOn</c> is <c>effectiveDate</c> in a file).</summary>
    public static string JsonField(string field) => field switch
    {
        "effectiveOn" => "effectiveDate",
        "publishedOn" => "published",
        _ => field,
    };
}
