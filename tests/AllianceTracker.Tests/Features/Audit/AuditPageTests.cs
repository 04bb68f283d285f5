using System.Net;
using System.Net.Http.Json;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Audit;

public sealed class AuditPageTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    private sealed record Written(long Id, Guid? Version);

    private async Task<List<string>> BlockersAsync()
    {
        var consensus = await App.Anonymous().GetFromJsonAsync<List<System.Text.Json.JsonElement>>("/api/v1/consensus");
        return consensus!.Single(c => c.GetProperty("proposal").GetString() == "membership-invitation")
            .GetProperty("blockers").EnumerateArray().Select(b => b.GetString()!).ToList();
    }

    [Fact]
    public async Task A_retraction_changes_the_current_picture_but_the_audit_trail_keeps_both_entries()
    {
        var editor = await App.SignedInAsync("Editor");
        var saved = await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "ISL", proposal = "membership-invitation", stance = "opposes", effectiveDate = "2024-06-02",
            reason = "Audit test: Iceland objects.", evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "Audit test excerpt." } },
        });
        var written = await saved.Content.ReadFromJsonAsync<Written>();
        Assert.Contains("ISL", await BlockersAsync());

        var retracted = await editor.PostAsJsonAsync($"/api/v1/stances/{written!.Id}/retraction", new { reason = "Audit test: wrong country.", expectedVersion = written.Version });

        Assert.Equal(HttpStatusCode.Created, retracted.StatusCode);
        Assert.DoesNotContain("ISL", await BlockersAsync());
        var audit = await editor.GetStringAsync("/audit?member=ISL");
        Assert.Contains("Audit test: Iceland objects.", audit);
        Assert.Contains("Audit test: wrong country.", audit);
        Assert.Contains("Retracted", audit);
    }

    [Fact]
    public async Task The_trail_filters_by_member_proposal_and_editor()
    {
        var editor = await App.SignedInAsync("Editor");

        var hungary = await editor.GetStringAsync("/audit?member=HUN");
        var ramstein = await editor.GetStringAsync("/audit?member=HUN&proposal=ramstein-coordination");
        var nobody = await editor.GetStringAsync("/audit?editor=nobody@example.org");

        Assert.Contains("2 entries", hungary);
        Assert.Contains("1 entry", ramstein);
        Assert.Contains("0 entries", nobody);
        Assert.Contains(">Seed import, from the seed article (ICARO Media Group, c. 3 April 2024)<", hungary);
    }
}
