namespace AllianceTracker.Web.Data;

/// <summary>Which database the tracker keeps its data in.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file: nothing to set up, one app process per file (the default).</summary>
    Sqlite,

    /// <summary>A database server: several app instances on one database (docs/deployment.md).</summary>
    PostgreSQL,
}
