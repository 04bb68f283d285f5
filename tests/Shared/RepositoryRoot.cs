namespace AllianceTracker.Tests.Shared;

/// <summary>The repository's root folder (where AllianceTracker.sln is), for tests that use its scripts and deploy files.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "AllianceTracker.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (AllianceTracker.sln) was not found above the test's binaries.");
    }
}
