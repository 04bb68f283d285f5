using System.Net;
using System.Net.Http.Json;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Accounts;

/// <summary>
/// Every write endpoint and editor page against every kind of caller, through the real cookie
/// sign-in: the server refuses, whatever the UI hides.
/// </summary>
public sealed class AuthorizationMatrixTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    public enum Caller
    {
        Anonymous,
        Reader,
        Editor,
        Admin,
    }

    private async Task<HttpClient> ClientAsync(Caller caller) => caller switch
    {
        Caller.Anonymous => App.Anonymous(),
        Caller.Reader => await App.SignedInAsync(null),
        Caller.Editor => await App.SignedInAsync("Editor"),
        _ => await App.SignedInAsync("Admin"),
    };

    private static object StanceBody(string member) => new
    {
        member,
        proposal = "ramstein-coordination",
        stance = "supports",
        effectiveDate = "2024-06-01",
        reason = "Authorization matrix test.",
        evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "Test excerpt." } },
    };

    /// <summary>Stance writes and retractions: the same answer for each kind of caller.</summary>
    public static TheoryData<Caller, HttpStatusCode> OnlyEditorsWrite => new()
    {
        { Caller.Anonymous, HttpStatusCode.Unauthorized },
        { Caller.Reader, HttpStatusCode.Forbidden },
        { Caller.Editor, HttpStatusCode.Created },
        { Caller.Admin, HttpStatusCode.Created },
    };

    [Theory]
    [MemberData(nameof(OnlyEditorsWrite))]
    public async Task Recording_a_stance_needs_an_editor_or_admin(Caller caller, HttpStatusCode expected)
    {
        var client = await ClientAsync(caller);

        var response = await client.PostAsJsonAsync("/api/v1/stances", StanceBody("PRT"));

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(OnlyEditorsWrite))]
    public async Task Retracting_needs_an_editor_or_admin(Caller caller, HttpStatusCode expected)
    {
        var editor = await App.SignedInAsync("Editor");
        var written = await (await editor.PostAsJsonAsync("/api/v1/stances", StanceBody("PRT"))).Content.ReadFromJsonAsync<WrittenBody>();
        var client = await ClientAsync(caller);

        var response = await client.PostAsJsonAsync($"/api/v1/stances/{written!.Id}/retraction", new { reason = "Matrix test.", expectedVersion = written.Version });

        Assert.Equal(expected, response.StatusCode);
    }

    public static TheoryData<Caller, string, HttpStatusCode> Pages => new()
    {
        { Caller.Anonymous, "/api/v1/stances/cell?member=HUN&proposal=ukraine-fund", HttpStatusCode.Unauthorized },
        { Caller.Reader, "/api/v1/stances/cell?member=HUN&proposal=ukraine-fund", HttpStatusCode.Forbidden },
        { Caller.Editor, "/api/v1/stances/cell?member=HUN&proposal=ukraine-fund", HttpStatusCode.OK },
        { Caller.Admin, "/api/v1/stances/cell?member=HUN&proposal=ukraine-fund", HttpStatusCode.OK },
        { Caller.Anonymous, "/proposals/new", HttpStatusCode.Redirect },
        { Caller.Reader, "/proposals/new", HttpStatusCode.Redirect },
        { Caller.Editor, "/proposals/new", HttpStatusCode.OK },
        { Caller.Admin, "/proposals/new", HttpStatusCode.OK },
        { Caller.Anonymous, "/summits/new", HttpStatusCode.Redirect },
        { Caller.Reader, "/summits/new", HttpStatusCode.Redirect },
        { Caller.Editor, "/summits/new", HttpStatusCode.OK },
        { Caller.Anonymous, "/proposals/ukraine-fund/edit", HttpStatusCode.Redirect },
        { Caller.Reader, "/proposals/ukraine-fund/edit", HttpStatusCode.Redirect },
        { Caller.Editor, "/proposals/ukraine-fund/edit", HttpStatusCode.OK },
        { Caller.Anonymous, "/audit", HttpStatusCode.Redirect },
        { Caller.Reader, "/audit", HttpStatusCode.Redirect },
        { Caller.Editor, "/audit", HttpStatusCode.OK },
        { Caller.Admin, "/audit", HttpStatusCode.OK },
        { Caller.Anonymous, "/admin/users", HttpStatusCode.Redirect },
        { Caller.Reader, "/admin/users", HttpStatusCode.Redirect },
        { Caller.Editor, "/admin/users", HttpStatusCode.Redirect },
        { Caller.Admin, "/admin/users", HttpStatusCode.OK },
    };

    public static TheoryData<Caller, string, string, HttpStatusCode> ProposalWrites => new()
    {
        { Caller.Anonymous, "POST", "/api/v1/summits", HttpStatusCode.Unauthorized },
        { Caller.Reader, "POST", "/api/v1/summits", HttpStatusCode.Forbidden },
        { Caller.Anonymous, "POST", "/api/v1/proposals", HttpStatusCode.Unauthorized },
        { Caller.Reader, "POST", "/api/v1/proposals", HttpStatusCode.Forbidden },
        { Caller.Anonymous, "PUT", "/api/v1/proposals/ukraine-fund", HttpStatusCode.Unauthorized },
        { Caller.Reader, "PUT", "/api/v1/proposals/ukraine-fund", HttpStatusCode.Forbidden },
        { Caller.Anonymous, "POST", "/api/v1/proposals/ukraine-fund/outcomes", HttpStatusCode.Unauthorized },
        { Caller.Reader, "POST", "/api/v1/proposals/ukraine-fund/outcomes", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(ProposalWrites))]
    public async Task Summit_and_proposal_writes_are_refused_to_anyone_but_editors(Caller caller, string method, string url, HttpStatusCode expected)
    {
        var client = await ClientAsync(caller);
        var before = await client.GetStringAsync("/api/v1/consensus");

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = JsonContent.Create(new { slug = "sneaky", summitSlug = "washington-2024", title = "T", description = "D", proposer = "P", tabledOn = "2024-06-01", outcome = "dropped", decidedOn = "2024-07-10", source = "icaro-2024-04-stoltenberg-ukraine-fund", name = "N", city = "C", startsOn = "2024-01-01", endsOn = "2024-01-02" }),
        });

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before, await client.GetStringAsync("/api/v1/consensus"));
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Editor_pages_and_endpoints_open_only_for_their_roles(Caller caller, string url, HttpStatusCode expected)
    {
        var client = await ClientAsync(caller);

        var response = await client.GetAsync(url);

        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/", response.Headers.Location!.OriginalString);
        }
        else
        {
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_conflicting_save_over_http_is_a_409_with_what_the_other_editor_saved()
    {
        var first = await App.SignedInAsync("Editor");
        var second = await App.SignedInAsync("Editor");
        var opened = await (await first.GetAsync("/api/v1/stances/cell?member=DNK&proposal=ukraine-fund")).Content.ReadFromJsonAsync<CellBody>();
        var body = (string stance) => new
        {
            member = "DNK", proposal = "ukraine-fund", stance, effectiveDate = "2024-06-01", reason = "Conflict test.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "Test excerpt." } },
            expectedVersion = opened!.Version,
        };

        var saved = await first.PostAsJsonAsync("/api/v1/stances", body("supports"));
        var refused = await second.PostAsJsonAsync("/api/v1/stances", body("opposes"));

        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var current = await refused.Content.ReadFromJsonAsync<CellBody>();
        Assert.Equal("supports", current!.Stance);
        Assert.StartsWith("Test editor ", current.RecordedBy);
    }

    private sealed record WrittenBody(long Id, Guid? Version);

    private sealed record CellBody(string Member, string Proposal, Guid? Version, string? Stance, string? RecordedBy);
}
