namespace AllianceTracker.Web.Api.Contracts;

public sealed record RetractionBody(string Reason, Guid? ExpectedVersion = null);
