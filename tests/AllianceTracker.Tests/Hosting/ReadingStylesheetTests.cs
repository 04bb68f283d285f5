using System.Text.Json;
using System.Text.RegularExpressions;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.Snapshots;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Hosting;

/// <summary>
/// Readers' static pages link reading.css, the part of MudBlazor's stylesheet they use, made by
/// scripts/reading-css.sh (issue 25); editors' circuits keep the whole sheet. When a reading page
/// starts using a MudBlazor class the reading sheet does not style, the page would lose its look
/// for readers only: this fails first, naming the class and the page.
/// </summary>
public sealed partial class ReadingStylesheetTests(ITestOutputHelper output) : FreshAppTest(output)
{
    [Fact]
    public async Task Readers_pages_link_the_reading_sheet_and_editors_pages_the_whole_of_MudBlazors()
    {
        var reading = await App.Anonymous().GetStringAsync("/members/HUN");
        var editing = await (await App.SignedInAsync(Roles.Editor)).GetStringAsync("/members/HUN");

        Assert.Matches("<link rel=\"stylesheet\" href=\"reading\\.[a-z0-9]+\\.css\"", reading);
        Assert.DoesNotContain("MudBlazor.min.css", reading);
        Assert.Contains("_content/MudBlazor/MudBlazor.", editing);
        Assert.DoesNotContain("href=\"reading.", editing);
    }

    [Fact]
    public async Task Every_MudBlazor_class_on_a_reading_page_is_styled_by_the_reading_sheet()
    {
        var anonymous = App.Anonymous();
        var snapshot = await App.Services.GetRequiredService<SnapshotService>()
            .CreateAsync(TestEditors.Editor("fixture-editor"), "Reading stylesheet", null, new DateOnly(2024, 7, 8));
        var mudBlazor = SelectorsOf(await anonymous.GetStringAsync("/_content/MudBlazor/MudBlazor.min.css"));
        var readingSheet = SelectorsOf(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "src/AllianceTracker.Web/wwwroot/reading.css")))
            .Select(s => s.Text).ToHashSet(StringComparer.Ordinal);

        // The pages the script reads (its pages.json), and every proposal and member the listings link to.
        using var pagesFile = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "src/reading-css/pages.json")));
        var pages = pagesFile.RootElement.GetProperty("pages").EnumerateArray().Select(p => p.GetString()!.Replace("{snapshot}", snapshot.Id, StringComparison.Ordinal)).ToList();
        foreach (var listing in new[] { "/proposals", "/members" })
        {
            pages.AddRange(ListedPage().Matches(await anonymous.GetStringAsync(listing)).Select(m => "/" + m.Groups[1].Value).Where(p => !p.EndsWith("/new", StringComparison.Ordinal)));
        }

        var missing = new SortedDictionary<string, string>(StringComparer.Ordinal);
        async Task ReadAsync(HttpClient client, string who, string page, string theme)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, page);
            request.Headers.Add("Cookie", $"theme={theme}");
            var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
            Assert.Contains("data-mode=\"reading\"", html);
            var used = ClassAttribute().Matches(html).SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
            // A MudBlazor selector of classes the page has (the element it names may still be absent: the
            // script reads tags and attributes too, so selectors that name one are left to it).
            foreach (var selector in mudBlazor.Where(s => s.Classes.Count > 0 && s.OnlyClasses && s.Classes.IsSubsetOf(used)))
            {
                if (!readingSheet.Contains(selector.Text))
                {
                    missing.TryAdd(selector.Text, $"{page} ({who}, {theme})");
                }
            }
        }

        foreach (var page in pages.Distinct())
        {
            foreach (var theme in new[] { "light", "dark" })
            {
                await ReadAsync(anonymous, "anonymous", page, theme);
            }
        }

        // Signed in without a role: still a reader, with the account form in the header and a password page.
        var reader = await App.SignedInAsync(null);
        foreach (var page in new[] { "/", "/members/HUN", "/account/password" })
        {
            await ReadAsync(reader, "signed-in reader", page, "light");
        }

        // An editor's error page renders without a circuit, so with the reading sheet too.
        await ReadAsync(await App.SignedInAsync(Roles.Editor), "editor", "/error", "dark");

        Assert.True(
            missing.Count == 0,
            "MudBlazor rules that match reading pages but are not in reading.css (run scripts/reading-css.sh; add the page or state to src/reading-css/pages.json if the script cannot see it):"
            + Environment.NewLine + string.Join(Environment.NewLine, missing.Select(m => $"  {m.Key} on {m.Value}")));
    }

    /// <summary>One selector of a rule (a comma-separated list is several), with the classes an element needs for it to match.</summary>
    private sealed record Selector(string Text, HashSet<string> Classes, bool OnlyClasses);

    /// <summary>Every selector in a stylesheet, its spacing made one; the classes inside :not() are not needed, so not counted.</summary>
    private static List<Selector> SelectorsOf(string css) =>
        [.. Declarations().Replace(Comments().Replace(css, ""), "{").Replace('}', '{')
            .Split('{', ',')
            .Select(s => Combinator().Replace(Spaces().Replace(s.Trim(), " "), "$1"))
            .Where(s => s.Length > 0 && !s.StartsWith('@'))
            .Select(s =>
            {
                var needed = NotPseudoClass().Replace(s, "");
                var classes = ClassSelector().Matches(needed).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
                // Only classes, pseudo-classes and combinators: no element name, id or attribute.
                var rest = PseudoClass().Replace(ClassSelector().Replace(needed, ""), "");
                return new Selector(s, classes, !rest.Any(c => char.IsLetter(c) || c is '#' or '['));
            })];

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex Declarations();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@" ?([>+~]) ?")]
    private static partial Regex Combinator();

    [GeneratedRegex(@":not\([^()]*\)")]
    private static partial Regex NotPseudoClass();

    [GeneratedRegex(@"::?[a-zA-Z-]+(\([^()]*\))?")]
    private static partial Regex PseudoClass();

    [GeneratedRegex(@"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")]
    private static partial Regex ClassSelector();

    [GeneratedRegex("class=\"([^\"]*)\"")]
    private static partial Regex ClassAttribute();

    [GeneratedRegex("href=\"((?:proposals/[a-z0-9-]+)|(?:members/[A-Z]{3}))\"")]
    private static partial Regex ListedPage();
}
