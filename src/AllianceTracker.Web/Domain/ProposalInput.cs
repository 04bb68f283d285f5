namespace AllianceTracker.Web.Domain;

/// <summary>A proposal as an editor, a seed file or a dataset gives it, before it is checked.</summary>
public sealed record ProposalInput(
    string Slug, string SummitSlug, string Title, string Description, string Proposer, DateOnly? TabledOn, bool TabledOnIsApproximate = false)
{
    /// <summary>The proposal under <paramref name="summit"/>, which may itself be new (then its id is not known yet).</summary>
    public Proposal ToProposal(Summit summit) => new()
    {
        Slug = Slug,
        Summit = summit,
        SummitId = summit.Id,
        Title = Title.Trim(),
        Description = Description.Trim(),
        Proposer = Proposer.Trim(),
        TabledOn = TabledOn,
        TabledOnIsApproximate = TabledOnIsApproximate,
    };
}
