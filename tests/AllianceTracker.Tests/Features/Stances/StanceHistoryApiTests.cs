using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Proposals;
using AllianceTracker.Web.Features.Stances;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Stances;

/// <summary>The bulk history a researcher pages through: <c>GET /api/v1/stances</c> and <c>GET /api/v1/decisions</c>.</summary>
public sealed class StanceHistoryApiTests(ITestOutputHelper output) : FreshAppTest(output)
{
    [Fact]
    public async Task Paging_by_cursor_returns_every_entry_once_in_order_even_when_entries_are_added_meanwhile()
    {
        var client = App.Anonymous();
        var seen = new List<long>();
        string? next = "/api/v1/stances?limit=5";
        var pages = 0;
        while (next is not null)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(next);
            seen.AddRange(page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
            next = page.GetProperty("next").GetString();
            if (++pages == 1)
            {
                // A save between two pages lands after the cursor: the reader meets it on a later page.
                await RecordAsync("DEU", "ukraine-fund", Stance.Undecided);
            }
        }

        Assert.Equal(13, seen.Count);
        Assert.Equal(seen.Order(), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Filters_narrow_by_member_proposal_and_dates_and_retracted_entries_are_marked()
    {
        var id = await RecordAsync("FRA", "ramstein-coordination", Stance.Supports);
        var recorder = App.Services.GetRequiredService<StanceRecorder>();
        await recorder.RetractAsync(TestEditors.Editor("history-corrector"), id, "Misread.", (await recorder.GetCellAsync("FRA", "ramstein-coordination")).Version);

        var france = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/stances?member=fra&proposal=ramstein-coordination");
        var entry = Assert.Single(france.GetProperty("entries").EnumerateArray());
        Assert.Equal("Misread.", entry.GetProperty("retraction").GetProperty("reason").GetString());
        Assert.Equal("2024-06-14", entry.GetProperty("effectiveDate").GetString());

        var june = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/stances?effectiveFrom=2024-06-01&effectiveTo=2024-06-30");
        Assert.Equal([id], june.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()));
        var recordedTomorrow = await App.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/stances?recordedFrom={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}");
        Assert.Empty(recordedTomorrow.GetProperty("entries").EnumerateArray());
    }

    [Theory]
    [InlineData("member=HUNGARY", "member")]
    [InlineData("proposal=Ukraine%20Fund", "proposal")]
    [InlineData("effectiveFrom=2024-13-45", "effectiveFrom")]
    [InlineData("recordedTo=yesterday", "recordedTo")]
    [InlineData("after=-1", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    public async Task A_bad_parameter_is_refused_by_name(string query, string parameter)
    {
        var response = await App.Anonymous().GetAsync($"/api/v1/stances?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"no error for {parameter}");
    }

    [Fact]
    public async Task Decisions_are_listed_with_their_evidence_and_paged_the_same_way()
    {
        var admin = App.Services.GetRequiredService<ProposalAdministration>();
        await admin.RecordDecisionAsync(TestEditors.Editor("history-editor"), "ramstein-coordination",
            new DecisionInput(ProposalOutcome.AdoptedAmended, new DateOnly(2024, 7, 10), "Adopted as NSATU.", [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "A decision excerpt.")]));
        await admin.RecordDecisionAsync(TestEditors.Editor("history-editor"), "ukraine-fund",
            new DecisionInput(ProposalOutcome.Dropped, new DateOnly(2024, 7, 10), null, [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "Another excerpt.")]));

        var first = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/decisions?limit=1");
        var decision = Assert.Single(first.GetProperty("entries").EnumerateArray());
        Assert.Equal(("ramstein-coordination", "adopted-amended"), (decision.GetProperty("proposal").GetString(), decision.GetProperty("outcome").GetString()));
        Assert.Equal("A decision excerpt.", decision.GetProperty("evidence")[0].GetProperty("excerpt").GetString());

        var second = await App.Anonymous().GetFromJsonAsync<JsonElement>(first.GetProperty("next").GetString());
        Assert.Equal("dropped", Assert.Single(second.GetProperty("entries").EnumerateArray()).GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.Single((await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/decisions?proposal=ukraine-fund")).GetProperty("entries").EnumerateArray());
    }

    private async Task<long> RecordAsync(string member, string proposal, Stance stance)
    {
        var recorder = App.Services.GetRequiredService<StanceRecorder>();
        var cell = await recorder.GetCellAsync(member, proposal);
        var saved = await recorder.RecordAsync(TestEditors.Editor("history-editor"), new StanceChangeInput(
            member, proposal, stance, null, new DateOnly(2024, 6, 14), "History API test.",
            [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "A history test excerpt.")], cell.Version));
        return saved.Change.Id;
    }
}
