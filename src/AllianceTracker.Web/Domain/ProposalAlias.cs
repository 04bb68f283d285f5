namespace AllianceTracker.Web.Domain;

/// <summary>
/// A phrase news texts use for a proposal besides its title ("Ramstein", "membership bid"), which
/// the news assist reads for it. Editors keep them on the proposal's edit page; a removed alias
/// stays with who removed it and when, so the list's history is kept like everything else.
/// </summary>
public sealed class ProposalAlias
{
    public long Id { get; init; }

    public int ProposalId { get; init; }

    public Proposal? Proposal { get; init; }

    public required string Phrase { get; init; }

    public required DateTime AddedAtUtc { get; init; }

    public required string AddedBy { get; init; }

    public DateTime? RemovedAtUtc { get; set; }

    public string? RemovedBy { get; set; }
}
