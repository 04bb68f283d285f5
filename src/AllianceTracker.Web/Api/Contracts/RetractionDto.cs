namespace AllianceTracker.Web.Api.Contracts;

/// <summary>Who took an entry back, when and why; the entry stays in the history.</summary>
public sealed record RetractionDto(DateTime RecordedAtUtc, string RecordedBy, string Reason)
{
    /// <summary>The retraction of a history entry, or null when it stands.</summary>
    public static RetractionDto? Of(DateTime? retractedAtUtc, string? retractedBy, string? reason) =>
        retractedAtUtc is { } at ? new(at, retractedBy!, reason ?? "") : null;
}
