using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// A proposal whose status changed: consensus rule (blocked, open, consensus) or a decision
/// (adopted, …). When the later side is a decision, what it records: its date, note, the
/// replacing proposal and the evidence, so the comparison reads as what was decided.
/// </summary>
public sealed record StatusChange(string Proposal, string From, string To)
{
    public string ProposalTitle { get; init; } = Proposal;

    /// <summary>The decision's outcome code when the later side is a decision (then equal to <see cref="To"/>); null otherwise.</summary>
    public string? Outcome { get; init; }

    public string? DecidedOn { get; init; }

    public string? Note { get; init; }

    public string? ReplacedBy { get; init; }

    public string? ReplacedByTitle { get; init; }

    public IReadOnlyList<DiffEvidence> Evidence { get; init; } = [];

    public string FromLabel => StatusLabel(From);

    public string ToLabel => StatusLabel(To);

    public static string StatusLabel(string code) =>
        ProposalOutcomeCodes.Map.TryParse(code, out var outcome) ? outcome.ToLabel()
        : code switch { "blocked" => "Blocked", "open" => "Open", "consensus" => "Consensus", PictureDiff.NotTabled => "Not yet tabled", _ => code };
}
