namespace AllianceTracker.Web.Api.Contracts;

/// <summary>A page of the summit decisions, oldest first; <c>next</c> is the address of the following page, null at the end.</summary>
public sealed record DecisionHistoryPageDto(IReadOnlyList<DecisionEntryDto> Entries, string? Next);
