namespace AllianceTracker.Web.Features.Accounts;

/// <summary>The caller was not allowed to do what they asked; checked on the server in every handler.</summary>
public sealed class AccessDeniedException(string message) : Exception(message);
