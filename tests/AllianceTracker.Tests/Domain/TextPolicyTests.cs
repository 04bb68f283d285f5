using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Exchange;

namespace AllianceTracker.Tests.Domain;

public sealed class TextPolicyTests
{
    private static readonly string[] SheetSlugs = ["sources", "a-very-long-proposal-slug-for-ukraine-one", "a-very-long-proposal-slug-for-ukraine-two"];

    [Fact]
    public void Text_is_stored_trimmed_in_NFC_with_line_breaks_as_newlines()
    {
        Assert.Equal("Café\nsecond line", TextPolicy.Clean("  Cafe\u0301\r\nsecond line \r"));
        Assert.Null(TextPolicy.Clean(null));
    }

    [Theory]
    [InlineData("A fine reason.\nWith a second line.", null)]
    [InlineData("Bell\u0007", "control character (U+0007)")]
    [InlineData("Tab\tinside", "control character (U+0009)")]
    [InlineData("Reads \u202Ebackwards", "control character (U+202E)")]
    public void Notes_may_have_line_breaks_but_no_other_control_or_broken_characters(string text, string? problem)
    {
        var found = TextPolicy.Check(text, TextPolicy.Note);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found);
        }
    }

    [Theory]
    [InlineData("Hun\u200Bgary", "U+200B, zero width space")]
    [InlineData("\uFEFFHungary", "U+FEFF, byte order mark")]
    [InlineData("Hungary\u2060", "U+2060, word joiner")]
    [InlineData("Hun\u200Egary", "U+200E, left-to-right mark")]
    [InlineData("Hun\u200Fgary", "U+200F, right-to-left mark")]
    [InlineData("Hun\u061Cgary", "U+061C, Arabic letter mark")]
    [InlineData("Hun\u200Dgary", "U+200D, zero width joiner outside an emoji")]
    [InlineData("Hungary\U000E0041", "U+E0041, tag character")]
    public void Invisible_characters_are_refused_naming_what_and_where(string text, string problem)
    {
        Assert.Contains(problem, TextPolicy.Check(text, TextPolicy.Title));
        Assert.Contains(problem, TextPolicy.Check(text, TextPolicy.Note));
    }

    [Theory]
    [InlineData("Family 👨\u200D👩\u200D👧")]
    [InlineData("Heart ❤\uFE0F\u200D🔥")]
    [InlineData("می\u200Cخواهم")]
    public void A_joiner_inside_an_emoji_and_a_non_joiner_are_text_people_typed(string text) =>
        Assert.Null(TextPolicy.Check(text, TextPolicy.Title));

    [Fact]
    public void Unicode_line_and_paragraph_separators_are_line_breaks()
    {
        Assert.Equal("first\nsecond\nthird", TextPolicy.Clean("first\u2028second\u2029third"));
        Assert.Equal("Write it on one line.", TextPolicy.Check("first\u2028second", TextPolicy.Title));
        Assert.Null(TextPolicy.Check("first\u2029second", TextPolicy.Note));
    }

    [Fact]
    public void Half_of_a_surrogate_pair_is_refused() =>
        Assert.Contains("broken character", TextPolicy.Check("Broken " + (char)0xD800 + " pair", TextPolicy.Note));

    [Fact]
    public void Titles_are_one_line_and_every_kind_has_its_length()
    {
        Assert.Equal("Write it on one line.", TextPolicy.Check("Title\nmore", TextPolicy.Title));
        Assert.Null(TextPolicy.Check(new string('x', 300), TextPolicy.Title));
        Assert.Equal("It has 301 characters; keep it to 300.", TextPolicy.Check(new string('x', 301), TextPolicy.Title));
        Assert.Equal("It has 1,001 characters; keep it to 1,000.", TextPolicy.Check(new string('x', 1001), TextPolicy.Note));
        Assert.NotNull(TextPolicy.Check("https://example.org/" + new string('a', 2048), TextPolicy.Url));
    }

    [Theory]
    [InlineData("ukraine-fund\n")]
    [InlineData("ukraine-fund\r\n")]
    public void A_trailing_newline_does_not_make_a_look_alike_slug_or_code(string slug)
    {
        Assert.False(CodePatterns.IsSlug(slug));
        Assert.False(CodePatterns.IsAlpha3("HUN\n"));
        Assert.False(CodePatterns.IsSlug(new string('a', 101)));
    }

    [Theory]
    [InlineData("https://example.org/a b")]
    [InlineData("javascript:alert(1)")]
    [InlineData("https://user:secret@example.org/")]
    [InlineData("https://example.org/\"><img src=x onerror=alert(1)>")]
    [InlineData("https://")]
    public void Source_addresses_are_web_addresses_with_no_spaces_markup_or_credentials(string url) =>
        Assert.NotNull(SourceRules.CheckUrl(url));

    [Fact]
    public void Source_addresses_are_stored_normalised() =>
        Assert.Equal("https://example.org/Path?q=1", SourceRules.NormalizeUrl("  HTTPS://Example.ORG/Path?q=1 "));

    [Fact]
    public void A_markdown_brief_cannot_be_given_structure_or_html_by_stored_text()
    {
        Assert.Equal("first \\# Heading", ExportFormats.Escape("first\r# Heading"));
        Assert.DoesNotContain("<", ExportFormats.Escape("<img src=x onerror=alert(1)>"));
        var link = ExportFormats.Autolink("https://example.org/\"><img src=x onerror=alert(1)>");
        Assert.StartsWith("<https://example.org/", link);
        Assert.Equal(1, link.Count(c => c == '<'));
        Assert.Equal(1, link.Count(c => c == '>'));
        Assert.False(ExportFormats.Autolink("javascript:alert(1)").StartsWith('<'));
    }

    [Theory]
    [InlineData("a;=1+1;b", "a;'=1+1;b")]
    [InlineData("a; +1", "a; '+1")]
    [InlineData("a\t@SUM(A1)", "a\t'@SUM(A1)")]
    [InlineData("2024-06-01; supports", "2024-06-01; supports")]
    [InlineData("no separator =1", "no separator =1")]
    public void A_csv_cell_escapes_a_formula_after_a_list_separator(string text, string expected) =>
        Assert.Equal(expected, ExportFormats.CsvCell(text));

    [Fact]
    public void Spreadsheet_sheet_names_are_unique_without_regard_to_case_and_fit_31_characters()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Summary", "Sources" };
        var names = SheetSlugs
            .Select(slug => ExportFormats.SheetName(slug, taken)).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(names, n => n.Equals("Sources", StringComparison.OrdinalIgnoreCase));
        Assert.All(names, n => Assert.InRange(n.Length, 1, 31));
    }
}
