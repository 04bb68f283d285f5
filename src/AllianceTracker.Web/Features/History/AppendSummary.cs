namespace AllianceTracker.Web.Features.History;

/// <summary>What an append added.</summary>
public sealed record AppendSummary(int MembersAdded, int SummitsAdded, int ProposalsAdded, int SourcesAdded, IReadOnlyList<RecordedStance> Recorded)
{
    public bool ChangedNothing => MembersAdded + SummitsAdded + ProposalsAdded + SourcesAdded + Recorded.Count == 0;
}
