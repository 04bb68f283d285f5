using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Proposals;

public sealed class ProposalAdministrationTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    [Fact]
    public async Task A_new_proposal_starts_with_32_unknown_stances_and_appears_in_the_api_and_on_the_pages()
    {
        var editor = await App.SignedInAsync("Editor");
        var slug = $"defence-pledge-{Guid.NewGuid():N}"[..24];

        var created = await editor.PostAsJsonAsync("/api/v1/proposals", new
        {
            slug, summitSlug = "washington-2024", title = "Defence investment pledge", description = "Allies commit to spend more on defence.",
            proposer = "Test editor", tabledOn = "2024-06-01",
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var positions = await App.Anonymous().GetFromJsonAsync<List<JsonElement>>($"/api/v1/positions?proposal={slug}");
        Assert.Equal(32, positions!.Count);
        Assert.All(positions, p => Assert.Equal("unknown", p.GetProperty("stance").GetString()));
        var consensus = await App.Anonymous().GetFromJsonAsync<List<JsonElement>>("/api/v1/consensus");
        Assert.Contains(consensus!, c => c.GetProperty("proposal").GetString() == slug && c.GetProperty("status").GetString() == "open");
        Assert.Contains("Defence investment pledge", await App.Anonymous().GetStringAsync("/"));
    }

    [Fact]
    public async Task Proposal_texts_can_be_corrected_and_an_outcome_recorded_with_its_source()
    {
        var editor = await App.SignedInAsync("Editor");
        var slug = $"texts-{Guid.NewGuid():N}"[..20];
        await editor.PostAsJsonAsync("/api/v1/proposals", new
        {
            slug, summitSlug = "washington-2024", title = "Frist title", description = "Text.", proposer = "Someone", tabledOn = "2024-06-01",
        });

        var updated = await editor.PutAsJsonAsync($"/api/v1/proposals/{slug}", new { title = "First title", description = "Corrected text.", proposer = "Someone" });
        var outcome = await editor.PostAsJsonAsync($"/api/v1/proposals/{slug}/outcomes", new
        {
            outcome = "adopted", decidedOn = "2024-07-10", note = (string?)null,
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "Test excerpt." } },
        });

        Assert.Equal(HttpStatusCode.NoContent, updated.StatusCode);
        Assert.Equal(HttpStatusCode.Created, outcome.StatusCode);
        var page = await App.Anonymous().GetStringAsync($"/proposals/{slug}");
        Assert.Contains("First title", page);
        Assert.Contains("Adopted on 10 July 2024", page);
        var before = await App.Anonymous().GetStringAsync($"/proposals/{slug}?asOf=2024-07-09");
        Assert.Contains("None on record", before);
    }

    [Theory]
    [InlineData("Not A Slug", "slug")]
    [InlineData("washington-2024", "slug")]
    public async Task A_bad_or_taken_slug_is_refused_at_the_field(string slug, string field)
    {
        var editor = await App.SignedInAsync("Editor");
        await editor.PostAsJsonAsync("/api/v1/proposals", new
        {
            slug = "washington-2024", summitSlug = "washington-2024", title = "T", description = "D", proposer = "P", tabledOn = "2024-06-01",
        });

        var response = await editor.PostAsJsonAsync("/api/v1/proposals", new
        {
            slug, summitSlug = "washington-2024", title = "T", description = "D", proposer = "P", tabledOn = "2024-06-01",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }
}
