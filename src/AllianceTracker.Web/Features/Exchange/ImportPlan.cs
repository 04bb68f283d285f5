namespace AllianceTracker.Web.Features.Exchange;

/// <summary>What an import would do (or did): the diff against the current picture and what it adds.</summary>
public sealed record ImportPlan(
    ExportDocument Document, PictureDiff Diff, int MembersAdded, int SummitsAdded, int ProposalsAdded, int SourcesAdded, int StanceChanges,
    IReadOnlyList<string> Notes);
