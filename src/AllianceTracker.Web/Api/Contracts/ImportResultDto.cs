namespace AllianceTracker.Web.Api.Contracts;

public sealed record ImportResultDto(
    bool Applied, int MembersAdded, int SummitsAdded, int ProposalsAdded, int SourcesAdded, int StanceChanges,
    IReadOnlyList<CellChange> Changes, IReadOnlyList<string> Notes);
