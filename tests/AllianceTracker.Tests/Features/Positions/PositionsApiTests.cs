using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Web.Domain;

namespace AllianceTracker.Tests.Features.Positions;

/// <summary>Reads only: the tests share one app of their own, on the seed.</summary>
public sealed class PositionsApiTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Positions_list_every_member_on_every_proposal_96_in_all()
    {
        var positions = await GetArrayAsync("/api/v1/positions");

        Assert.Equal(96, positions.Count);
        Assert.Equal(32, positions.Select(p => p.GetProperty("member").GetString()).Distinct().Count());
        Assert.Equal(3, positions.Select(p => p.GetProperty("proposal").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task A_position_has_the_published_camelCase_shape_with_evidence()
    {
        var positions = await GetArrayAsync("/api/v1/positions?proposal=ukraine-fund");

        var spain = positions.Single(p => p.GetProperty("member").GetString() == "ESP");
        Assert.Equal("ukraine-fund", spain.GetProperty("proposal").GetString());
        Assert.Equal("conditional", spain.GetProperty("stance").GetString());
        Assert.Contains("duplicating", spain.GetProperty("conditions").GetString());
        Assert.Equal("2024-04-03", spain.GetProperty("effectiveDate").GetString());
        Assert.True(spain.GetProperty("effectiveDateApproximate").GetBoolean());
        var evidence = Assert.Single(spain.GetProperty("evidence").EnumerateArray().ToList());
        Assert.Contains("Spain and Italy", evidence.GetProperty("excerpt").GetString());
        var source = evidence.GetProperty("source");
        Assert.Equal("icaro-2024-04-stoltenberg-ukraine-fund", source.GetProperty("key").GetString());
        Assert.Equal("ICARO Media Group", source.GetProperty("outlet").GetString());
        Assert.True(source.GetProperty("publishedDateApproximate").GetBoolean());
    }

    [Fact]
    public async Task A_member_with_no_record_is_listed_as_unknown_with_no_evidence()
    {
        var positions = await GetArrayAsync("/api/v1/positions?proposal=ramstein-coordination");

        var france = positions.Single(p => p.GetProperty("member").GetString() == "FRA");
        Assert.Equal("unknown", france.GetProperty("stance").GetString());
        Assert.Equal(JsonValueKind.Null, france.GetProperty("effectiveDate").ValueKind);
        Assert.Empty(france.GetProperty("evidence").EnumerateArray());
    }

    [Theory]
    [InlineData("2024-04-02", "unknown")]
    [InlineData("2024-04-03", "opposes")]
    [InlineData("2024-07-09", "opposes")]
    public async Task AsOf_shows_the_stance_in_force_on_that_date(string asOf, string unitedStates)
    {
        // The invitation has no tabled date in the source, so it is on every date's picture.
        var positions = await GetArrayAsync($"/api/v1/positions?asOf={asOf}&proposal=membership-invitation");

        Assert.Equal(unitedStates, positions.Single(p => p.GetProperty("member").GetString() == "USA").GetProperty("stance").GetString());
    }

    [Fact]
    public async Task A_proposal_is_not_on_the_picture_of_a_date_before_it_was_tabled()
    {
        var before = await _client.GetAsync("/api/v1/positions?asOf=2024-04-02&proposal=ukraine-fund");
        var consensus = await GetArrayAsync("/api/v1/consensus?asOf=2024-04-02");

        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Equal(["membership-invitation"], consensus.Select(c => c.GetProperty("proposal").GetString()));
    }

    [Fact]
    public async Task Consensus_reports_status_counts_and_blockers_per_proposal()
    {
        var consensus = await GetArrayAsync("/api/v1/consensus");

        Assert.Equal(["ukraine-fund", "ramstein-coordination", "membership-invitation"], consensus.Select(c => c.GetProperty("proposal").GetString()));
        var fund = consensus[0];
        Assert.Equal("blocked", fund.GetProperty("status").GetString());
        Assert.Equal(["HUN"], fund.GetProperty("blockers").EnumerateArray().Select(b => b.GetString()));
        var counts = fund.GetProperty("counts");
        Assert.Equal(1, counts.GetProperty("opposes").GetInt32());
        Assert.Equal(2, counts.GetProperty("conditional").GetInt32());
        Assert.Equal(1, counts.GetProperty("undecided").GetInt32());
        Assert.Equal(28, counts.GetProperty("unknown").GetInt32());
        Assert.Equal(0, counts.GetProperty("opts-out").GetInt32());
        Assert.Equal(["DEU", "USA"], consensus[2].GetProperty("blockers").EnumerateArray().Select(b => b.GetString()));
    }

    [Fact]
    public async Task Consensus_before_any_record_is_open_everywhere()
    {
        var consensus = await GetArrayAsync("/api/v1/consensus?asOf=2024-01-01");

        Assert.All(consensus, c =>
        {
            Assert.Equal("open", c.GetProperty("status").GetString());
            Assert.Equal("2024-01-01", c.GetProperty("asOf").GetString());
            Assert.Empty(c.GetProperty("blockers").EnumerateArray());
        });
    }

    [Theory]
    [InlineData("/api/v1/positions?asOf=yesterday", "asOf")]
    [InlineData("/api/v1/positions?asOf=2024-02-30", "asOf")]
    [InlineData("/api/v1/positions?asOf=2024-13-01", "asOf")]
    [InlineData("/api/v1/positions?asOf=09/07/2024", "asOf")]
    [InlineData("/api/v1/positions?proposal=nato-space-force", "proposal")]
    [InlineData("/api/v1/consensus?asOf=2024-7-9", "asOf")]
    [InlineData("/api/v1/positions?asOf=0024-06-20", "asOf")]
    [InlineData("/api/v1/consensus?asOf=1949-04-03", "asOf")]
    public async Task A_bad_parameter_is_a_400_problem_naming_the_parameter(string url, string parameter)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out var messages), $"errors should name '{parameter}'");
        Assert.NotEmpty(messages.EnumerateArray());
        Assert.Contains(parameter, problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/positions?asOf=")]
    [InlineData("/api/v1/consensus?asOf=")]
    [InlineData("/api/v1/exports/current.csv?asOf=")]
    public async Task A_future_as_of_date_is_a_400_problem_and_today_is_fine(string url)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var future = await _client.GetAsync(url + today.AddDays(2).ToIso());
        // The server's today is this test's or, past midnight, the next day: the future is further.
        var now = await _client.GetAsync(url + today.ToIso());

        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var problem = await future.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("is in the future", problem.GetProperty("errors").GetProperty("asOf")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem_not_an_html_page()
    {
        var response = await _client.GetAsync("/api/v1/votes");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<List<JsonElement>> GetArrayAsync(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.EnumerateArray().ToList();
    }
}
