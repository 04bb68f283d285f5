namespace AllianceTracker.Web.Api.Contracts;

public sealed record StatementWrittenDto(IReadOnlyList<WrittenDto> Entries);
