namespace AllianceTracker.Web.Domain;

public static class ProposalRules
{
    public static IEnumerable<FieldProblem> Check(ProposalInput proposal, DateOnly today)
    {
        if (CodePatterns.CheckSlug(proposal.Slug, "ukraine-fund") is { } slug)
        {
            yield return new("slug", slug);
        }

        if (string.IsNullOrWhiteSpace(proposal.SummitSlug))
        {
            yield return new("summit", "Pick the summit the proposal is for.");
        }

        foreach (var problem in CheckTexts(new ProposalTextsInput(proposal.Title, proposal.Description, proposal.Proposer)))
        {
            yield return problem;
        }

        if (proposal.TabledOn > today)
        {
            yield return new("tabledOn", $"{proposal.TabledOn.Value.ToIso()} is in the future; a proposal is tabled on or before today.");
        }

        if (proposal.TabledOn is null && proposal.TabledOnIsApproximate)
        {
            yield return new("tabledOn", "Give the approximate date, or leave the date unknown and not approximate.");
        }
    }

    public static IEnumerable<FieldProblem> CheckTexts(ProposalTextsInput texts)
    {
        if (string.IsNullOrWhiteSpace(texts.Title))
        {
            yield return new("title", "Give the proposal a title.");
        }

        if (string.IsNullOrWhiteSpace(texts.Description))
        {
            yield return new("description", "Describe the proposal in a sentence or two.");
        }

        if (string.IsNullOrWhiteSpace(texts.Proposer))
        {
            yield return new("proposer", "Say who proposed it, or \"Not named in the source\".");
        }

        if (texts.InForceFrom is { Length: > 0 } from && !IsoDate.TryParse(from, out _))
        {
            yield return new("inForceFrom", IsoDate.NotADate(from));
        }

        foreach (var problem in TextPolicy.Problems(
            ("title", texts.Title, TextPolicy.Title), ("description", texts.Description, TextPolicy.Description),
            ("proposer", texts.Proposer, TextPolicy.Title), ("note", texts.Note, TextPolicy.Note)))
        {
            yield return problem;
        }
    }
}
