using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.History;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.Tests.Data;

/// <summary>
/// Two app instances on one PostgreSQL database, as behind a load balancer: what one signs or
/// writes, the other reads — cookies and antiforgery tokens, and every change, live and in its API.
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private AllianceAppFactory _a = null!;
    private AllianceAppFactory _b = null!;

    public async Task InitializeAsync()
    {
        // One after the other: A migrates and seeds the new database, B finds it done.
        _a = AllianceAppFactory.OnPostgreSql();
        Assert.Equal("Healthy", await _a.Anonymous().GetStringAsync("/healthz/ready"));
        _b = AllianceAppFactory.OnPostgreSql(_a.PostgreSqlConnectionString);
        Assert.Equal("Healthy", await _b.Anonymous().GetStringAsync("/healthz/ready"));
        await WaitUntilListeningAsync(_a);
        await WaitUntilListeningAsync(_b);
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task A_sign_in_form_from_one_instance_posts_to_the_other_and_its_cookie_works_on_both()
    {
        var email = await _a.CreateAsync("Editor");
        var onA = _a.Anonymous();
        var form = await onA.GetAsync("/account/sign-in");
        var token = TestAccounts.AntiforgeryToken(await form.Content.ReadAsStringAsync());

        // The form and its antiforgery cookie from A, posted to B.
        var toB = _b.Anonymous();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in", ["__RequestVerificationToken"] = token, ["Input.Email"] = email, ["Input.Password"] = TestAccounts.Password,
            }),
        };
        post.Headers.Add("Cookie", Cookies(form));
        using var signedIn = await toB.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // B's sign-in cookie, sent to A.
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stances/cell?member=HUN&proposal=ukraine-fund");
        read.Headers.Add("Cookie", Cookies(signedIn));
        using var onAWithB = await _a.Anonymous().SendAsync(read);
        Assert.Equal(HttpStatusCode.OK, onAWithB.StatusCode);
        using var anonymous = await _a.Anonymous().GetAsync("/api/v1/stances/cell?member=HUN&proposal=ukraine-fund");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task An_edit_saved_on_one_instance_reaches_a_live_stream_on_the_other_within_a_second_and_its_api()
    {
        var editor = await _a.SignedInAsync("Editor");
        Assert.DoesNotContain("\"stance\":\"supports\"", await _b.Anonymous().GetStringAsync("/api/v1/positions?member=SVK&proposal=ukraine-fund"));
        var events = await OpenStreamAsync(_b);
        var cell = await editor.GetFromJsonAsync<JsonElement>("/api/v1/stances/cell?member=SVK&proposal=ukraine-fund");

        var clock = Stopwatch.StartNew();
        using var saved = await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "SVK", proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-02", reason = "Saved on instance A.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
            expectedVersion = cell.GetProperty("version").GetGuid(),
        });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var change = await NextAsync(events);
        var heardAfter = clock.Elapsed;

        Assert.Equal("change", change.EventType);
        var data = JsonDocument.Parse(change.Data).RootElement;
        Assert.Equal(("SVK", "ukraine-fund"), (data.GetProperty("cells")[0].GetProperty("member").GetString(), data.GetProperty("cells")[0].GetProperty("proposal").GetString()));
        Assert.True(heardAfter < TimeSpan.FromSeconds(1), $"B's stream heard the save after {heardAfter.TotalMilliseconds:N0} ms.");
        // Both instances count from the database's version.
        Assert.Equal(Version(_a), Version(_b));
        Assert.Equal(Version(_b), data.GetProperty("version").GetInt64());
        Assert.Contains("\"stance\":\"supports\"", await _b.Anonymous().GetStringAsync("/api/v1/positions?member=SVK&proposal=ukraine-fund"));
    }

    [Fact]
    public async Task A_save_that_is_refused_is_never_announced()
    {
        var editor = await _a.SignedInAsync("Editor");
        var events = await OpenStreamAsync(_b);
        var before = Version(_b);

        using var stale = await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "SVK", proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-02", reason = "On a version nobody saw.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
            expectedVersion = Guid.NewGuid(),
        });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        // Then a real change: the next event on B must be that one, not the refused save.
        var cell = await editor.GetFromJsonAsync<JsonElement>("/api/v1/stances/cell?member=EST&proposal=ukraine-fund");
        using var saved = await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "EST", proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-02", reason = "Saved.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
            expectedVersion = cell.GetProperty("version").ValueKind == JsonValueKind.Null ? (Guid?)null : cell.GetProperty("version").GetGuid(),
        });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);

        var change = await NextAsync(events);
        Assert.Equal("EST", JsonDocument.Parse(change.Data).RootElement.GetProperty("cells")[0].GetProperty("member").GetString());
        Assert.Equal(before + 1, Version(_b));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_listener_whose_connection_dropped_passes_on_what_it_missed_or_a_resync_when_the_database_forgot_it(bool forgotten)
    {
        var editor = await _a.SignedInAsync("Editor");
        var events = await OpenStreamAsync(_b);
        var notifier = (PostgresStanceChangeNotifier)_b.Services.GetRequiredService<IStanceChangeNotifier>();

        // Both instances' listening connections are cut (a restart of the server, a network blip).
        await CutListenersAsync();
        using (var ceiling = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            while (notifier.IsListening)
            {
                await Task.Delay(10, ceiling.Token);
            }
        }

        // Saved while nobody listens: its NOTIFY reaches no one.
        var cell = await editor.GetFromJsonAsync<JsonElement>("/api/v1/stances/cell?member=SVK&proposal=ukraine-fund");
        using var saved = await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "SVK", proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-02", reason = "Saved during the blip.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
            expectedVersion = cell.GetProperty("version").GetGuid(),
        });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        if (forgotten)
        {
            // As when more than the last 512 changes were missed: the database no longer has them.
            await using var admin = new Npgsql.NpgsqlConnection(_a.PostgreSqlConnectionString + ";Pooling=false");
            await admin.OpenAsync();
            await using var forget = new Npgsql.NpgsqlCommand("DELETE FROM alliance_recent_notices", admin);
            await forget.ExecuteNonQueryAsync();
        }

        var next = await NextAsync(events);
        if (forgotten)
        {
            Assert.Equal("resync", next.EventType);
        }
        else
        {
            // Exactly the change it missed, not "read everything again" (a PostgreSQL restart used to resync every reader).
            Assert.Equal("change", next.EventType);
            Assert.Equal("SVK", JsonDocument.Parse(next.Data).RootElement.GetProperty("cells")[0].GetProperty("member").GetString());
        }

        Assert.True(notifier.IsListening);
        Assert.Contains("\"stance\":\"supports\"", await _b.Anonymous().GetStringAsync("/api/v1/positions?member=SVK&proposal=ukraine-fund"));
    }

    [Fact]
    public async Task A_reader_coming_back_with_Last_Event_ID_to_an_instance_started_since_gets_exactly_what_it_missed()
    {
        var editor = await _a.SignedInAsync("Editor");
        var seen = Version(_a);
        foreach (var member in new[] { "FRA", "DEU" })
        {
            var cell = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/stances/cell?member={member}&proposal=ukraine-fund");
            using var saved = await editor.PostAsJsonAsync("/api/v1/stances", new
            {
                member, proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-02", reason = "Saved before the third instance started.",
                evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
                expectedVersion = cell.GetProperty("version").ValueKind == JsonValueKind.Null ? (Guid?)null : cell.GetProperty("version").GetGuid(),
            });
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        }

        // A new instance (one restarted after a crash) on the same database.
        await using var c = AllianceAppFactory.OnPostgreSql(_a.PostgreSqlConnectionString);
        Assert.Equal("Healthy", await c.Anonymous().GetStringAsync("/healthz/ready"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/changes/stream");
        request.Headers.Add("Last-Event-ID", seen.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await c.CreateClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var events = SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync().GetAsyncEnumerator();

        var first = await NextAsync(events);
        var second = await NextAsync(events);

        Assert.Equal([("change", seen + 1, "FRA"), ("change", seen + 2, "DEU")], new[] { first, second }.Select(e =>
            (e.EventType, long.Parse(e.EventId!, System.Globalization.CultureInfo.InvariantCulture), JsonDocument.Parse(e.Data).RootElement.GetProperty("cells")[0].GetProperty("member").GetString())));
    }

    private async Task CutListenersAsync()
    {
        await using var admin = new Npgsql.NpgsqlConnection(_a.PostgreSqlConnectionString + ";Pooling=false");
        await admin.OpenAsync();
        await using var cut = new Npgsql.NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'SELECT version, notice FROM alliance_recent_notices%'", admin);
        Assert.Equal(2L, await cut.ExecuteScalarAsync());
    }

    private static long Version(AllianceAppFactory app) => app.Services.GetRequiredService<IStanceChangeNotifier>().Version;

    private static async Task WaitUntilListeningAsync(AllianceAppFactory app)
    {
        var notifier = Assert.IsType<PostgresStanceChangeNotifier>(app.Services.GetRequiredService<IStanceChangeNotifier>());
        using var ceiling = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!notifier.IsListening)
        {
            await Task.Delay(20, ceiling.Token);
        }
    }

    private static async Task<IAsyncEnumerator<SseItem<string>>> OpenStreamAsync(AllianceAppFactory app)
    {
        var response = await app.CreateClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/changes/stream"), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync().GetAsyncEnumerator();
    }

    private static async Task<SseItem<string>> NextAsync(IAsyncEnumerator<SseItem<string>> events)
    {
        using var ceiling = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(ceiling.Token), "the stream ended");
        return events.Current;
    }

    /// <summary>The cookies a response set, as a request's Cookie header.</summary>
    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
}
