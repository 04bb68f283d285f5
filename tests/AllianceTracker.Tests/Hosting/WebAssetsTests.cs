using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AllianceTracker.Tests.Shared;

namespace AllianceTracker.Tests.Hosting;

/// <summary>
/// The page script and app.css are edited in src/web-assets and served minified from wwwroot under
/// the same names (docs/page-weight.md). scripts/web-assets.sh writes each served copy with the
/// hash of the source it was made from on its first line: when they differ, the source was edited
/// and the copy readers get is stale.
/// </summary>
public sealed partial class WebAssetsTests
{
    private const string PageScript = "AllianceTracker.Web.lib.module.js";

    public static TheoryData<string> Assets => new() { PageScript, "app.css" };

    [GeneratedRegex(@"^(?://|/\*) Generated from src/web-assets/(\S+) \(sha256 ([0-9a-f]{16})\)")]
    private static partial Regex Stamp();

    [Theory]
    [MemberData(nameof(Assets))]
    public void The_served_copy_is_made_from_the_current_source(string name)
    {
        var source = File.ReadAllText(Source(name)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var served = File.ReadAllText(Served(name));

        var stamp = Stamp().Match(served);
        Assert.True(stamp.Success && stamp.Groups[1].Value == name, $"wwwroot/{name} does not start with the generator's line for it; run scripts/web-assets.sh.");
        var current = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)))[..16];
        Assert.True(stamp.Groups[2].Value == current,
            $"wwwroot/{name} was made from another version of src/web-assets/{name} ({stamp.Groups[2].Value}, now {current}); run scripts/web-assets.sh.");
    }

    [Fact]
    public void The_served_page_script_keeps_the_initializers_blazor_calls()
    {
        var source = File.ReadAllText(Source(PageScript));
        var served = File.ReadAllText(Served(PageScript));

        // blazor.web.js calls the initializers by their exported names: minifying must keep each one.
        var exported = ExportedFunction().Matches(source).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("afterWebStarted", exported);
        Assert.All(exported, name => Assert.Matches($@"export\s*(function\s+{name}\(|\{{[^}}]*\b{name}\b)", served));
    }

    [GeneratedRegex(@"^export\s+(?:async\s+)?function\s+(\w+)", RegexOptions.Multiline)]
    private static partial Regex ExportedFunction();

    private static string Source(string name) => Path.Combine(RepositoryRoot.Path, "src", "web-assets", name);

    private static string Served(string name) => Path.Combine(RepositoryRoot.Path, "src", "AllianceTracker.Web", "wwwroot", name);
}
