using System.Globalization;
using System.Net;
using System.Xml.Linq;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Components;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Charts;
using AngleSharp.Html.Parser;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Charts;

/// <summary>The proposal page's stacked bar and tile map, on the page and as downloads.</summary>
public sealed class StanceChartsTests(ITestOutputHelper output) : FreshAppTest(output)
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public async Task The_tile_map_has_one_labelled_linked_tile_per_member()
    {
        var document = new HtmlParser().ParseDocument(await App.Anonymous().GetStringAsync("/proposals/ukraine-fund"));

        var tiles = document.QuerySelectorAll("figure.stance-map a.map-member");
        Assert.Equal(32, tiles.Length);
        Assert.Equal(32, tiles.Select(t => t.GetAttribute("data-member")).Distinct().Count());
        Assert.All(tiles, tile =>
        {
            var code = tile.GetAttribute("data-member")!;
            Assert.Equal($"members/{code}", tile.GetAttribute("href"));
            Assert.StartsWith(code, tile.QuerySelector("text")!.TextContent, StringComparison.Ordinal);
            Assert.Matches($"^{code}( (yes|if|\\?|out|no))?: .+, (Supports|Conditional|Undecided|Unknown|Opts out|Opposes)$", tile.GetAttribute("aria-label"));
        });
        var hungary = document.QuerySelector("a.map-member[data-member='HUN']")!;
        Assert.Equal("HUN no: Hungary, Opposes", hungary.GetAttribute("aria-label"));
        Assert.Equal("FRA: France, Unknown", document.QuerySelector("a.map-member[data-member='FRA']")!.GetAttribute("aria-label"));
        Assert.Equal("HUN no", hungary.QuerySelector("text")!.TextContent);
        Assert.Equal(StanceAppearance.HexOf(Stance.Opposes), hungary.QuerySelector("rect")!.GetAttribute("fill"));
    }

    [Fact]
    public async Task Every_tile_sits_on_its_own_square()
    {
        var places = TileMapLayout.Tiles.Values.ToList();

        Assert.Equal(32, places.Count);
        Assert.Equal(32, places.Distinct().Count());
        Assert.All(places, p => Assert.True(p.Column is >= 0 and < TileMapLayout.Columns && p.Row is >= 0 and < TileMapLayout.Rows));
        var document = new HtmlParser().ParseDocument(await App.Anonymous().GetStringAsync("/proposals/ukraine-fund"));
        Assert.Equal(32, document.QuerySelectorAll("a.map-member rect").Select(r => (r.GetAttribute("x"), r.GetAttribute("y"))).Distinct().Count());
    }

    [Fact]
    public async Task The_bar_puts_the_stances_in_order_with_unknown_last_and_counts_every_member()
    {
        var document = new HtmlParser().ParseDocument(await App.Anonymous().GetStringAsync("/proposals/ukraine-fund"));

        var segments = document.QuerySelectorAll("figure.stance-bar g.segment").Select(g => g.GetAttribute("data-stance")).ToList();
        Assert.Equal(["conditional", "undecided", "opposes", "unknown"], segments);
        var legend = document.QuerySelectorAll("figure.stance-bar .chart-legend li")
            .ToDictionary(li => li.GetAttribute("data-stance")!, li => int.Parse(li.QuerySelector("strong")!.TextContent, CultureInfo.InvariantCulture));
        Assert.Equal(32, legend.Values.Sum());
        Assert.Equal(28, legend["unknown"]);
        Assert.Equal(StanceAppearance.HexOf(Stance.Unknown), document.QuerySelector("figure.stance-bar g.segment[data-stance='unknown'] rect")!.GetAttribute("fill"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_text_on_every_tile_reads_against_its_fill(bool dark)
    {
        foreach (var stance in StanceMarks.BarOrder)
        {
            var ratio = Contrast(ChartPalette.FillOf(stance, dark), ChartPalette.TextOn(stance, dark));
            Assert.True(ratio >= 4.5, $"{stance} in {(dark ? "dark" : "light")}: {ratio:0.00}");
        }
    }

    [Theory]
    [InlineData("map", "light")]
    [InlineData("map", "dark")]
    [InlineData("bar", "light")]
    public async Task A_chart_downloads_as_a_standalone_svg_in_either_palette(string chart, string theme)
    {
        var response = await App.Anonymous().GetAsync($"/charts/proposals/ukraine-fund/{chart}.svg?theme={theme}&asOf=2024-07-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var dark = theme == "dark";
        Assert.Equal($"alliancetracker-ukraine-fund-{chart}-2024-07-01{(dark ? "-dark" : "")}.svg", response.Content.Headers.ContentDisposition?.FileNameStar);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(svg.Root!.Attribute("width"));
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("€100bn five-year fund for Ukraine, as of 1 July 2024", texts);
        Assert.Contains(texts, t => t.StartsWith("Source: AllianceTracker, http", StringComparison.Ordinal));
        Assert.Contains("Unknown 28", texts);
        if (chart == "map")
        {
            var tiles = svg.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "tile").ToList();
            Assert.Equal(32, tiles.Count);
            var hungary = tiles.Single(g => (string?)g.Attribute("data-member") == "HUN");
            Assert.Equal(ChartPalette.FillOf(Stance.Opposes, dark), (string?)hungary.Element(Svg + "rect")!.Attribute("fill"));
            Assert.Empty(svg.Descendants(Svg + "a"));
        }
    }

    [Fact]
    public async Task A_bad_date_or_proposal_is_refused_with_the_reason()
    {
        var badDate = await App.Anonymous().GetAsync("/charts/proposals/ukraine-fund/map.svg?asOf=2024-13-45");
        var unknown = await App.Anonymous().GetAsync("/charts/proposals/no-such-thing/bar.svg");

        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("asOf", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("no-such-thing", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static double Contrast(string a, string b)
    {
        static double Luminance(string hex)
        {
            double Channel(int offset)
            {
                var value = int.Parse(hex.AsSpan(1 + offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
                return value <= 0.03928 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
            }

            return (0.2126 * Channel(0)) + (0.7152 * Channel(2)) + (0.0722 * Channel(4));
        }

        var (light, dark) = (Math.Max(Luminance(a), Luminance(b)), Math.Min(Luminance(a), Luminance(b)));
        return (light + 0.05) / (dark + 0.05);
    }
}
