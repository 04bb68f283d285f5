namespace AllianceTracker.Web.Domain;

/// <summary>The rules every recorded decision obeys, whoever records it (docs/domain.md).</summary>
public static class DecisionRules
{
    public const int MaxNoteLength = 1000; // TextPolicy.Note

    /// <summary>Everything that can be checked without the database.</summary>
    public static IEnumerable<FieldProblem> Check(DecisionInput decision, string proposalSlug, DateOnly today)
    {
        if (decision.Outcome == ProposalOutcome.Pending)
        {
            yield return new("outcome", $"A decision is one of {string.Join(", ", ProposalOutcomeCodes.DecisionCodes)}; to undo a wrong decision, retract it.");
        }

        if (decision.DecidedOn > today)
        {
            yield return new("decidedOn", $"The decision date {decision.DecidedOn.ToIso()} is in the future; record a decision once it is taken.");
        }

        if (TextPolicy.Check(decision.Note, TextPolicy.Note) is { } note)
        {
            yield return new("note", note);
        }

        if (decision.Outcome == ProposalOutcome.Replaced && string.IsNullOrWhiteSpace(decision.ReplacedBy))
        {
            yield return new("replacedBy", "Name the proposal that replaces this one.");
        }
        else if (decision.Outcome != ProposalOutcome.Replaced && !string.IsNullOrWhiteSpace(decision.ReplacedBy))
        {
            yield return new("replacedBy", "Only a \"replaced\" decision names a replacing proposal.");
        }
        else if (decision.ReplacedBy == proposalSlug)
        {
            yield return new("replacedBy", "A proposal cannot replace itself.");
        }

        foreach (var problem in StanceRules.CheckEvidence(decision.Evidence, today, "A decision needs evidence: quote the source that reports it.", "report the decision"))
        {
            yield return problem;
        }
    }
}
