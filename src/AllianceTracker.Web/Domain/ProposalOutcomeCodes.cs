namespace AllianceTracker.Web.Domain;

/// <summary>The published codes of <see cref="ProposalOutcome"/> (docs/domain.md).</summary>
public static class ProposalOutcomeCodes
{
    public static CodeMap<ProposalOutcome> Map { get; } = new(
        (ProposalOutcome.Pending, "pending"),
        (ProposalOutcome.Adopted, "adopted"),
        (ProposalOutcome.AdoptedAmended, "adopted-amended"),
        (ProposalOutcome.Dropped, "dropped"),
        (ProposalOutcome.Deferred, "deferred"),
        (ProposalOutcome.Replaced, "replaced"));

    /// <summary>The codes a decision can record (everything but "pending").</summary>
    public static IReadOnlyList<string> DecisionCodes { get; } = Map.Codes.Where(c => c != "pending").ToList();

    public static string ToCode(this ProposalOutcome outcome) => Map.ToCode(outcome);

    /// <summary>How pages say it: "Adopted", "Adopted in a changed form", …</summary>
    public static string ToLabel(this ProposalOutcome outcome) => outcome switch
    {
        ProposalOutcome.Pending => "Pending",
        ProposalOutcome.Adopted => "Adopted",
        ProposalOutcome.AdoptedAmended => "Adopted in a changed form",
        ProposalOutcome.Dropped => "Dropped",
        ProposalOutcome.Deferred => "Deferred",
        ProposalOutcome.Replaced => "Replaced",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>The past participle for sentences: "proposal dropped on 10 July 2024".</summary>
    public static string ToVerb(this ProposalOutcome outcome) => outcome switch
    {
        ProposalOutcome.AdoptedAmended => "adopted in a changed form",
        _ => outcome.ToLabel().ToLowerInvariant(),
    };
}
