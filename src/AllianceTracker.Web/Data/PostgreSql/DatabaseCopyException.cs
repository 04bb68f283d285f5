namespace AllianceTracker.Web.Data.PostgreSql;

/// <summary>The copy was refused or did not verify; nothing was written to the target.</summary>
public sealed class DatabaseCopyException(string message) : Exception(message);
