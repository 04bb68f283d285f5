using System.Text.RegularExpressions;
using AllianceTracker.Tests.Shared;

namespace AllianceTracker.Tests.Architecture;

/// <summary>docs/decisions: every record is in the index and says its status.</summary>
public sealed class DecisionRecordsTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "docs", "decisions");

    public static TheoryData<string> Records() => [.. Directory.EnumerateFiles(Folder, "0*.md").Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(Records))]
    public void Each_record_is_in_the_index_and_states_its_status(string file)
    {
        var index = File.ReadAllText(Path.Combine(Folder, "README.md"));
        var record = File.ReadAllLines(Path.Combine(Folder, file));

        Assert.Contains($"]({file})", index, StringComparison.Ordinal);
        Assert.Contains(record.Take(5), line => Regex.IsMatch(line, @"Status:\s*(accepted|proposed|superseded|amended)"));
    }
}
