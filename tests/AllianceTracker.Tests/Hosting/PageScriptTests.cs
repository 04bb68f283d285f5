using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AllianceTracker.Tests.Shared;

namespace AllianceTracker.Tests.Hosting;

/// <summary>
/// The page script is edited in src/page-script and served minified from wwwroot under the name
/// blazor.web.js loads it by (docs/page-weight.md). scripts/page-script.sh writes the served copy
/// with the hash of the source it was made from on its first line: when they differ, the source
/// was edited and the copy readers get is stale.
/// </summary>
public sealed partial class PageScriptTests
{
    private const string Name = "AllianceTracker.Web.lib.module.js";

    [GeneratedRegex(@"^// Generated from src/page-script/AllianceTracker\.Web\.lib\.module\.js \(sha256 ([0-9a-f]{16})\)")]
    private static partial Regex Stamp();

    [Fact]
    public void The_served_page_script_is_made_from_the_current_source()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "page-script", Name)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var served = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "AllianceTracker.Web", "wwwroot", Name));

        var stamp = Stamp().Match(served);
        Assert.True(stamp.Success, $"wwwroot/{Name} does not start with the generator's line; run scripts/page-script.sh.");
        var current = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..16];
        Assert.True(stamp.Groups[1].Value == current,
            $"wwwroot/{Name} was made from another version of src/page-script/{Name} ({stamp.Groups[1].Value}, now {current}); run scripts/page-script.sh.");
    }

    [Fact]
    public void The_served_page_script_keeps_the_initializers_blazor_calls()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "page-script", Name));
        var served = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "AllianceTracker.Web", "wwwroot", Name));

        // blazor.web.js calls the initializers by their exported names: minifying must keep each one.
        var exported = ExportedFunction().Matches(source).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("afterWebStarted", exported);
        Assert.All(exported, name => Assert.Matches($@"export\s*(function\s+{name}\(|\{{[^}}]*\b{name}\b)", served));
    }

    [GeneratedRegex(@"^export\s+(?:async\s+)?function\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex ExportedFunction();
}
