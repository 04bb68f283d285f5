using Microsoft.Data.Sqlite;

namespace AllianceTracker.Tests.Support;

/// <summary>SQL straight at an app's database file, as another process (or an old version of the app) would: around the app, not through it.</summary>
public static class SqliteFile
{
    public static object? Scalar(string path, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command.ExecuteScalar();
    }

    public static long Count(string path, string table) => (long)Scalar(path, $"SELECT count(*) FROM \"{table}\"")!;
}
