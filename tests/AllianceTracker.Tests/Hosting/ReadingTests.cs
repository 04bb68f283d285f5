using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Components.Shell;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Hosting;

/// <summary>What reading costs: static pages for readers, circuits for editors, a cache until the next change, compression.</summary>
public sealed class ReadingTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    private static object StanceBody(string stance) => new
    {
        member = "FRA", proposal = "ukraine-fund", stance, effectiveDate = "2024-06-01", reason = "Cache test.",
        evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "A cache test excerpt." } },
    };

    [Fact]
    public async Task An_editor_gets_the_same_page_as_an_interactive_circuit_with_edit_controls()
    {
        var editor = await App.SignedInAsync("Editor");

        var html = await editor.GetStringAsync("/");

        Assert.Contains("<body data-mode=\"editing\">", html);
        Assert.Contains("<!--Blazor:{\"type\":\"server\"", html);
    }

    [Fact]
    public async Task An_anonymous_page_is_served_from_the_cache_until_the_next_change()
    {
        var reader = App.Anonymous();
        var first = await reader.GetAsync("/?q=fra");
        var second = await reader.GetAsync("/?q=fra");
        Assert.False(first.Headers.Age.HasValue);
        Assert.True(second.Headers.Age.HasValue, "the second read should come from the output cache");
        Assert.Contains("data-stance=\"unknown\"", await second.Content.ReadAsStringAsync());

        var saved = await (await App.SignedInAsync("Editor")).PostAsJsonAsync("/api/v1/stances", StanceBody("supports"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var afterChange = await reader.GetAsync("/?q=fra");

        Assert.False(afterChange.Headers.Age.HasValue, "a change must not be answered from the cache");
        Assert.Contains("data-stance=\"supports\"", await afterChange.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/?asOf=2024-06-20")]
    [InlineData("/members/HUN")]
    public async Task A_page_served_from_the_cache_still_allows_enhanced_navigation(string address)
    {
        // blazor.web.js compares the header case-sensitively and falls back to a full page load
        // (losing the reader's scroll and focus) unless it says exactly "allow".
        var reader = App.Anonymous();
        reader.DefaultRequestHeaders.Accept.ParseAdd("text/html; blazor-enhanced-nav=on");
        reader.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");

        var first = await reader.GetAsync(address);
        var cached = await reader.GetAsync(address);

        Assert.True(cached.Headers.Age.HasValue, "the second read should come from the output cache");
        Assert.Equal(["allow"], first.Headers.GetValues("blazor-enhanced-nav"));
        Assert.Equal(["allow"], cached.Headers.GetValues("blazor-enhanced-nav"));
    }

    [Fact]
    public async Task Nothing_is_cached_or_compressed_for_a_signed_in_user()
    {
        var editor = await App.SignedInAsync("Editor");
        editor.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");

        await editor.GetAsync("/api/v1/positions");
        var again = await editor.GetAsync("/api/v1/positions");

        Assert.False(again.Headers.Age.HasValue);
        Assert.Empty(again.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/v1/positions")]
    [InlineData("/feeds/changes.atom")]
    public async Task Anonymous_reading_responses_are_compressed(string url)
    {
        var reader = App.Anonymous();
        reader.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");

        var response = await reader.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task A_compressed_page_is_the_page_compressed_whole_not_write_by_write()
    {
        var reader = App.Anonymous();
        reader.DefaultRequestHeaders.AcceptEncoding.ParseAdd("br");

        var compressed = await (await reader.GetAsync("/")).Content.ReadAsByteArrayAsync();

        using var decoded = new MemoryStream();
        await new System.IO.Compression.BrotliStream(new MemoryStream(compressed), System.IO.Compression.CompressionMode.Decompress).CopyToAsync(decoded);
        var page = decoded.ToArray();
        Assert.Contains("</html>", System.Text.Encoding.UTF8.GetString(page), StringComparison.Ordinal);
        // Brotli's quality 1 compressed each 16 KB write apart: a fifth larger than the page in one piece.
        var whole = new byte[page.Length];
        Assert.True(System.IO.Compression.BrotliEncoder.TryCompress(page, whole, out var wholeLength, quality: 3, window: 22));
        Assert.InRange(compressed.Length, 1, wholeLength * 1.05);
    }

    [Fact]
    public async Task The_theme_switch_remembers_the_choice_and_the_next_page_links_the_dark_stylesheet_from_the_first_byte()
    {
        var reader = App.Anonymous();

        var switched = await reader.GetAsync("/theme?set=dark&returnUrl=%2Fmembers%2FHUN");
        var page = await reader.GetStringAsync("/members/HUN");

        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/members/HUN", switched.Headers.Location!.OriginalString);
        Assert.Contains(switched.Headers.GetValues("Set-Cookie"), c => c.StartsWith("theme=dark", StringComparison.Ordinal));
        Assert.Contains("<html lang=\"en\" data-theme=\"dark\">", page);
        Assert.Matches("href=\"theme/reading-dark\\.css\\?v=[0-9a-f]{12}\"", page);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/\t/evil.example/pwned")]
    [InlineData("/\n/evil.example/")]
    [InlineData("/\r/evil.example/")]
    [InlineData("/members/Türkiye")]
    public async Task The_theme_switch_only_goes_back_into_this_site(string returnUrl)
    {
        // Browsers drop a tab from an address: "/\t/evil.example" would be "//evil.example", another site.
        var response = await App.Anonymous().GetAsync("/theme?set=light&returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_theme_stylesheets_carry_the_stance_colours_and_may_be_kept_for_good()
    {
        var page = await App.Anonymous().GetStringAsync("/");
        var href = Regex.Match(page, "href=\"(theme/reading-light\\.css\\?v=[0-9a-f]{12})\"").Groups[1].Value;

        var response = await App.Anonymous().GetAsync("/" + href);

        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString());
        var css = await response.Content.ReadAsStringAsync();
        Assert.Contains("--mud-palette-error:", css);
        Assert.Contains(".stance-opposes{", css);
    }

    [Fact]
    public async Task Readers_get_only_the_theme_variables_their_stylesheets_use_and_editors_all_of_them()
    {
        var reader = App.Anonymous();
        var reading = await reader.GetStringAsync("/");
        var editing = await (await App.SignedInAsync("Editor")).GetStringAsync("/");
        var readingHref = Regex.Match(reading, "href=\"(theme/reading-light\\.css\\?v=[0-9a-f]{12})\"").Groups[1].Value;
        var editingHref = Regex.Match(editing, "href=\"(theme/light\\.css\\?v=[0-9a-f]{12})\"").Groups[1].Value;
        Assert.NotEmpty(readingHref);
        Assert.NotEmpty(editingHref);

        var readingSheet = Declared(await reader.GetStringAsync("/" + readingHref));
        var fullSheet = Declared(await reader.GetStringAsync("/" + editingHref));

        // Every variable the readers' stylesheets (as served) or the app's source name, that the theme declares.
        var texts = new List<string>();
        foreach (var sheet in ThemeStylesheets.ReadingStylesheets)
        {
            texts.Add(await reader.GetStringAsync("/" + sheet));
        }

        var source = Path.Combine(RepositoryRoot.Path, "src");
        texts.AddRange(Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/node_modules/", StringComparison.Ordinal))
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor.css", StringComparison.Ordinal) || f.EndsWith(".lib.module.js", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var used = texts.SelectMany(t => Regex.Matches(t, @"var\(\s*(--mud-[\w-]+)").Select(m => m.Groups[1].Value)).Where(fullSheet.Contains).ToHashSet();

        Assert.Empty(used.Except(readingSheet).Order());
        Assert.Contains("--mud-palette-error", readingSheet);
        Assert.DoesNotContain("--mud-elevation-24", readingSheet);
        Assert.Contains("--mud-elevation-24", fullSheet);
        Assert.True(readingSheet.Count < fullSheet.Count * 2 / 3, $"The readers' sheet declares {readingSheet.Count} of {fullSheet.Count} variables.");
    }

    [Fact]
    public void The_reading_sheet_keeps_the_variables_that_kept_ones_and_its_own_rules_use()
    {
        const string css = ":root{\n--a: 1px;\n--b: var(--c);\n--c: red;\n--d: blue;\n--e: 0;\n}\n.chip{color:var(--e)}";

        var trimmed = ThemeStylesheets.OnlyVariablesUsedBy(css, [".x{width:var(--a);color:var( --b)}"]);

        Assert.Equal(":root{\n--a: 1px;\n--b: var(--c);\n--c: red;\n--e: 0;\n}\n.chip{color:var(--e)}", trimmed);
    }

    private static HashSet<string> Declared(string css) =>
        Regex.Matches(css, @"(--mud-[\w-]+)\s*:").Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
}
