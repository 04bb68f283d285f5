namespace AllianceTracker.Web.Domain;

/// <summary>
/// One version of a proposal's texts, append-only. The first is the text as tabled; each later one
/// corrects it for every date (<see cref="InForceFrom"/> null) or records a change from a date.
/// The text in force on a date is the latest revision in force by then; the <see cref="Proposal"/>
/// row holds the one in force today, for lists and links.
/// </summary>
public sealed class ProposalRevision
{
    public long Id { get; init; }

    public int ProposalId { get; init; }

    public Proposal? Proposal { get; init; }

    public required string Title { get; init; }

    public required string Description { get; init; }

    public required string Proposer { get; init; }

    public DateOnly? InForceFrom { get; init; }

    public string? Note { get; init; }

    public required DateTime RecordedAtUtc { get; init; }

    public required string RecordedBy { get; init; }

    /// <summary>
    /// The revision in force on <paramref name="date"/> among <paramref name="revisions"/> of one
    /// proposal (null if none is): the latest in force by then, and of those the last recorded (a
    /// revision not saved yet, id 0, is the last).
    /// </summary>
    public static ProposalRevision? InForceOn(IEnumerable<ProposalRevision> revisions, DateOnly date) =>
        revisions
            .Where(r => r.InForceFrom is null || r.InForceFrom <= date)
            .OrderByDescending(r => r.InForceFrom ?? DateOnly.MinValue).ThenByDescending(r => r.RecordedAtUtc).ThenByDescending(r => r.Id == 0 ? long.MaxValue : r.Id)
            .FirstOrDefault();
}
