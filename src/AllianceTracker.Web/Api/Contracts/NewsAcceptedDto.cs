namespace AllianceTracker.Web.Api.Contracts;

/// <summary>The source the entries cite (new, or one stored already) and the entries.</summary>
public sealed record NewsAcceptedDto(string Source, bool SourceAdded, IReadOnlyList<AcceptedEntryDto> Recorded);
