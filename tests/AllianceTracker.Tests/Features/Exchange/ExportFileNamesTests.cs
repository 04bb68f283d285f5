using System.Text;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Exchange;
using AllianceTracker.Web.Features.Positions;

namespace AllianceTracker.Tests.Features.Exchange;

/// <summary>Download names say what the file holds and stay short enough for curl -OJ and browsers.</summary>
public sealed class ExportFileNamesTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    [Fact]
    public void A_filtered_view_is_named_after_its_filters()
    {
        var suffix = ExportFileNames.ViewSuffix(new MatrixQuery(Region: "Northern Europe", Eu: true, Stance: Stance.Opposes, On: "ukraine-fund", Text: "Türkiye"), "washington-2024");

        Assert.Equal("-summit-washington-2024-region-northern-europe-eu-stance-opposes-on-ukraine-fund-q-turkiye", suffix);
        Assert.Equal("", ExportFileNames.ViewSuffix(new MatrixQuery(), null));
    }

    [Theory]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.Xlsx)]
    [InlineData(ExportFormat.Md)]
    public void A_long_name_is_cut_to_120_bytes_with_its_extension_at_a_word_end(ExportFormat format)
    {
        var title = string.Join(' ', Enumerable.Repeat("Washington summit communiqué draft", 9));

        var name = ExportFileNames.Capped($"alliance-diff-snapshot-{title}-to-now", format) + "." + format.ToString().ToLowerInvariant();

        Assert.InRange(Encoding.UTF8.GetByteCount(name), 60, ExportFileNames.MaxBytes);
        Assert.Matches("^alliance-diff-snapshot-washington-summit-communique-draft-[a-z0-9-]*[a-z0-9]\\.[a-z]+$", name);
    }

    [Fact]
    public async Task A_filtered_download_says_so_in_its_name_and_the_csv_flags_approximate_dates()
    {
        var response = await app.Anonymous().GetAsync("/api/v1/exports/current.csv?stance=opposes&on=ukraine-fund&bom=false");
        var csv = await response.Content.ReadAsStringAsync();

        Assert.StartsWith("alliance-consensus-", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'), StringComparison.Ordinal);
        Assert.EndsWith("-stance-opposes-on-ukraine-fund.csv", response.Content.Headers.ContentDisposition.FileName!.Trim('"'), StringComparison.Ordinal);
        var lines = csv.Split("\r\n");
        var header = lines[0].Split(',');
        var column = Array.IndexOf(header, "effective_date_approximate");
        Assert.Equal(Array.IndexOf(header, "effective_date") + 1, column);
        // Hungary's opposition took effect "c. 3 April 2024": inferred from the article, not stated.
        Assert.Contains(lines, line => line.StartsWith("", StringComparison.Ordinal) && line.Contains(",HUN,Hungary,ukraine-fund,", StringComparison.Ordinal) && line.Contains(",2024-04-03,true,", StringComparison.Ordinal));
    }
}
