namespace AllianceTracker.Web.Api.Contracts;

/// <summary>A page of the stance history, oldest entry first; <c>next</c> is the address of the following page, null at the end.</summary>
public sealed record StanceHistoryPageDto(IReadOnlyList<StanceEntryDto> Entries, string? Next);
