using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace AllianceTracker.Load;

/// <summary>The editor: signed in through the real sign-in form, saving stances through the write API.</summary>
public sealed partial class Editor(HttpClient client)
{
    private static readonly string[] Members = ["FRA", "DEU", "ITA", "ESP", "NLD", "BEL", "POL", "CZE", "DNK", "NOR"];

    public static Task<Editor> SignInAsync(Uri app) => SignInAsync(app, RunningApp.EditorEmail, RunningApp.EditorPassword);

    public static async Task<Editor> SignInAsync(Uri app, string email, string password)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app };
        // API writes are script-only (docs/security.md).
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        var form = await client.GetStringAsync("account/sign-in");
        var token = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        var response = await client.PostAsync("account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        return response.StatusCode == HttpStatusCode.Redirect
            ? new Editor(client)
            : throw new InvalidOperationException($"Sign-in answered {response.StatusCode}.");
    }

    /// <summary>
    /// How long a refused sign-in takes: for made-up emails and for the editor's email with a wrong
    /// password. The answers must not tell which accounts exist, in words or in time (docs/security.md).
    /// Five each: after five failures the editor's email is throttled from this address, and a
    /// throttled answer is quick for any email.
    /// </summary>
    public static async Task<(TimeSpan Unknown, TimeSpan Known)> MeasureRefusedSignInsAsync(Uri app)
    {
        var unknown = new List<TimeSpan>();
        var known = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            unknown.Add(await TimeSignInAsync(app, $"nobody-{Guid.NewGuid():N}@example.org", "a-wrong-password-12"));
            known.Add(await TimeSignInAsync(app, RunningApp.EditorEmail, $"a-wrong-password-{i:00}"));
        }

        return (unknown.Order().ElementAt(2), known.Order().ElementAt(2));
    }

    private static async Task<TimeSpan> TimeSignInAsync(Uri app, string email, string password)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app };
        var form = await client.GetStringAsync("account/sign-in");
        var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var clock = Stopwatch.StartNew();
        using var response = await client.PostAsync("account/sign-in", content);
        return response.StatusCode == HttpStatusCode.OK ? clock.Elapsed : throw new InvalidOperationException($"A wrong sign-in answered {(int)response.StatusCode}.");
    }

    /// <summary>Saves the <paramref name="index"/>-th edit (a new stance in a rotating cell) and returns how long the save took.</summary>
    public async Task<TimeSpan> SaveAsync(int index)
    {
        var member = Members[index % Members.Length];
        var stance = (index / Members.Length) % 2 == 0 ? "supports" : "undecided";
        // As the edit dialog does: open the cell first, then save on top of the version seen (not timed).
        var cell = await client.GetFromJsonAsync<Cell>($"api/v1/stances/cell?member={member}&proposal=ramstein-coordination");
        var clock = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("api/v1/stances", new
        {
            member, proposal = "ramstein-coordination", stance, effectiveDate = "2024-06-14",
            reason = $"Load harness edit {index}.",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "A load harness excerpt." } },
            expectedVersion = cell!.Version,
        });
        var took = clock.Elapsed;
        return response.StatusCode == HttpStatusCode.Created
            ? took
            : throw new InvalidOperationException($"Save {index} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private sealed record Cell(Guid? Version);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
