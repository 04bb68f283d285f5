namespace AllianceTracker.EndToEnd.Infrastructure;

public static class RepositoryPaths
{
    /// <summary>The repository root: the folder above the test binaries that holds AllianceTracker.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AllianceTracker.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"AllianceTracker.sln was not found above {AppContext.BaseDirectory}.");
    }
}
