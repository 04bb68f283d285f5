using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Proposals;

/// <summary>Proposal texts are versioned: views of a date read the text in force then, and every version is in the audit trail and the feed.</summary>
public sealed class ProposalRevisionsTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    private async Task<string> TitleAsync(string slug, string? asOf = null) =>
        (await App.Anonymous().GetFromJsonAsync<List<JsonElement>>($"/api/v1/consensus{(asOf is null ? "" : $"?asOf={asOf}")}"))!
            .Count(c => c.GetProperty("proposal").GetString() == slug) == 1
            ? (await App.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/proposals/{slug}")).GetProperty("title").GetString()!
            : "";

    [Fact]
    public async Task A_change_from_a_date_leaves_earlier_views_with_the_earlier_text()
    {
        var editor = await App.SignedInAsync("Editor");

        var revised = await editor.PutAsJsonAsync("/api/v1/proposals/ukraine-fund", new
        {
            title = "€40bn one-year pledge for Ukraine", description = "Reduced to a one-year baseline.", proposer = "NATO Secretary-General Jens Stoltenberg",
            inForceFrom = "2024-06-14", note = "Reported reduction before the summit.",
        });

        Assert.Equal(HttpStatusCode.NoContent, revised.StatusCode);
        var before = await App.Anonymous().GetStringAsync("/proposals/ukraine-fund?asOf=2024-06-13");
        var after = await App.Anonymous().GetStringAsync("/proposals/ukraine-fund?asOf=2024-06-14");
        // Pages encode "€" as a character reference; the words around it are plain.
        Assert.Contains("100bn five-year fund for Ukraine", before);
        Assert.DoesNotContain("one-year pledge", before);
        Assert.Contains("40bn one-year pledge for Ukraine", after);
        var oldExport = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/exports/current.json?asOf=2024-06-13");
        Assert.Equal("€100bn five-year fund for Ukraine", oldExport.GetProperty("proposals").EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "ukraine-fund").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_correction_applies_to_every_date_and_both_versions_stay_in_the_audit_trail_and_the_feed()
    {
        var editor = await App.SignedInAsync("Editor");

        await editor.PutAsJsonAsync("/api/v1/proposals/ramstein-coordination", new
        {
            title = "NATO leads Ramstein coordination", description = "Corrected description for every date.", proposer = "NATO Secretary-General Jens Stoltenberg",
            note = "Typo.",
        });

        var early = await App.Anonymous().GetStringAsync("/proposals/ramstein-coordination?asOf=2024-04-10");
        Assert.Contains("Corrected description for every date.", early);
        var audit = await editor.GetStringAsync("/audit?proposal=ramstein-coordination");
        Assert.Contains("Corrected for every date: Typo.", audit);
        Assert.Contains("2 versions", audit);
        var feed = await App.Anonymous().GetStringAsync("/feeds/changes.atom?proposal=ramstein-coordination");
        Assert.Contains("Proposal text revised: NATO leads Ramstein coordination", feed);
        Assert.Contains("New proposal: NATO leads Ramstein coordination", feed);
    }

    [Fact]
    public async Task A_future_or_malformed_in_force_date_is_refused_at_its_field()
    {
        var editor = await App.SignedInAsync("Editor");

        var future = await editor.PutAsJsonAsync("/api/v1/proposals/ukraine-fund", new { title = "T", description = "D", proposer = "P", inForceFrom = "2030-01-01" });
        var malformed = await editor.PutAsJsonAsync("/api/v1/proposals/ukraine-fund", new { title = "T", description = "D", proposer = "P", inForceFrom = "June" });

        Assert.True((await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("inForceFrom", out _));
        Assert.True((await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("inForceFrom", out _));
        Assert.Equal("€100bn five-year fund for Ukraine", await TitleAsync("ukraine-fund"));
    }

    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task The_database_refuses_to_rewrite_a_revision()
    {
        await using var db = await App.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Web.Data.AllianceDbContext>>().CreateDbContextAsync();

        var error = await Assert.ThrowsAnyAsync<Exception>(() =>
            Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "UPDATE ProposalRevisions SET Title = 'x'"));

        Assert.Contains("append-only", error.Message);
    }
}
