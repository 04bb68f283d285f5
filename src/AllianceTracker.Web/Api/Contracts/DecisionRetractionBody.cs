namespace AllianceTracker.Web.Api.Contracts;

/// <remarks><c>expectedVersion</c>: the proposal's version the retraction was made on (or send it as <c>If-Match</c>).</remarks>
public sealed record DecisionRetractionBody(string Reason, Guid? ExpectedVersion = null);
