using System.Text.RegularExpressions;
using AllianceTracker.Tests.Shared;

namespace AllianceTracker.Tests.Architecture;

/// <summary>How the app's source is laid out (docs/architecture.md, "Glossary"): one public type per file, named after it.</summary>
public sealed partial class SourceLayoutTests
{
    [GeneratedRegex(@"^public\s+(?:(?:sealed|static|abstract|partial|readonly|ref)\s+)*(?:class|record struct|record|struct|enum|interface)\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex TopLevelPublicType();

    /// <summary>Each hand-written file of the app with the public types declared at its top level.</summary>
    public static IEnumerable<(string File, List<string> Types)> PublicTypesByFile(string root) =>
        Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/Migrations/", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(root, f), TopLevelPublicType().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value).ToList()));

    /// <summary>Files breaking the rule: more than one public type, or one not named like the file (<c>Name.cs</c>, <c>Name.Part.cs</c>).</summary>
    public static List<string> Breaches(string root) =>
        PublicTypesByFile(root)
            .Where(f => f.Types.Count > 1 || (f.Types.Count == 1 && f.Types[0] != Path.GetFileName(f.File).Split('.')[0]))
            .Select(f => $"{f.File}: {string.Join(", ", f.Types)}")
            .ToList();

    [Fact]
    public void Each_file_of_the_app_holds_at_most_one_public_type_named_like_the_file()
    {
        var breaches = Breaches(Path.Combine(RepositoryRoot.Path, "src", "AllianceTracker.Web"));

        Assert.True(breaches.Count == 0, "Files with more than one public type, or a type not named like its file:\n" + string.Join("\n", breaches));
    }

    [Fact]
    public void The_rule_catches_a_file_with_two_public_types_and_one_misnamed()
    {
        var folder = Directory.CreateTempSubdirectory("source-layout-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "Pair.cs"), "namespace X;\n\npublic sealed record Pair(int A);\n\npublic enum Extra { One }\n");
            File.WriteAllText(Path.Combine(folder.FullName, "Wrong.cs"), "namespace X;\n\npublic static class Right { }\n");
            File.WriteAllText(Path.Combine(folder.FullName, "Fine.Part.cs"), "namespace X;\n\npublic static partial class Fine { }\n\ninternal sealed class Helper { }\n");

            var breaches = Breaches(folder.FullName);

            Assert.Equal(["Pair.cs: Pair, Extra", "Wrong.cs: Right"], breaches.Order());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
