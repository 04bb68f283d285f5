namespace AllianceTracker.Tests.Shared;

/// <summary>
/// The dataset tests start from (tests/TestData/dataset), apart from the product's seed, so a seed
/// correction moves only the seed's own tests.
/// </summary>
public static class TestDataset
{
    /// <summary>The folder name next to the test binaries, as <c>Database:SeedsPath</c> takes it.</summary>
    public const string FolderName = "test-dataset";

    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, FolderName);
}
