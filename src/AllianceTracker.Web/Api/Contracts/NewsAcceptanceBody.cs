namespace AllianceTracker.Web.Api.Contracts;

/// <summary>The text again (excerpts are checked against it), its source, and the reviewed suggestions to save.</summary>
public sealed record NewsAcceptanceBody(string? Text, NewsSourceBody? Source, IReadOnlyList<AcceptedStanceBody>? Stances);
