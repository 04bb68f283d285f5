namespace AllianceTracker.Web.Domain;

/// <summary>A kind of stored text: how long it may be and whether it may hold line breaks.</summary>
public sealed record TextField(string Kind, int MaxLength, bool MultiLine);
