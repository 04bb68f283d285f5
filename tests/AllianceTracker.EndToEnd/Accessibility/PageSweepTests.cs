using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Reading;
using Microsoft.Playwright;
using Roles = AllianceTracker.Web.Features.Accounts.Roles;

namespace AllianceTracker.EndToEnd.Accessibility;

/// <summary>
/// A walk through every page, as a reader, an editor and an administrator, in light and dark, at
/// 1280 and 390 px: axe finds no violation of WCAG 2.2 A/AA or of its best-practice rules, the
/// browser's console says nothing wrong (no error, no warning), and the app logs no error.
/// </summary>
public sealed class PageSweepTests(ReadingApp reading) : IClassFixture<ReadingApp>
{
    // Pages everyone may open; "/no-such-page" is the not-found page, "/error" the error page.
    private string[] ReaderPages =>
    [
        "/", "/?asOf=2024-05-01", "/members", "/members/HUN", "/proposals", "/proposals/ukraine-fund",
        "/proposals/ukraine-fund?asOf=2024-04-01", "/snapshots", $"/snapshots/{reading.SnapshotId}",
        "/compare?from=2024-04-02&to=now", "/sources", "/account/sign-in", "/account/set-password",
        "/no-such-page", "/error", "/methodology", "/changes?since=2024-01-01", "/changes?feed=1",
    ];

    private static readonly string[] EditorPages =
    [
        "/", "/members/HUN", "/proposals/ukraine-fund", "/proposals/ukraine-fund/edit", "/proposals/new", "/summits/new",
        "/news", "/audit", "/sources", "/snapshots", "/compare?from=2024-04-02&to=now", "/account/password",
    ];

    private static readonly string[] AdminPages = ["/admin/users", "/admin/import"];

    public static TheoryData<string, ColorScheme, int> Walks()
    {
        var walks = new TheoryData<string, ColorScheme, int>();
        foreach (var who in new[] { "reader", Roles.Editor, Roles.Admin })
        {
            foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            {
                foreach (var width in new[] { 1280, 390 })
                {
                    walks.Add(who, scheme, width);
                }
            }
        }

        return walks;
    }

    [Theory]
    [MemberData(nameof(Walks))]
    public async Task Every_page_passes_axe_with_best_practice_and_nothing_is_wrong_in_the_console_or_the_log(string who, ColorScheme scheme, int width)
    {
        var page = who == "reader"
            ? await reading.App.NewPageAsync(width, 844, scheme)
            : await reading.App.SignedInPageAsync(who, width, 844, colorScheme: scheme);
        var console = new List<string>();
        var current = "";
        page.Console += (_, message) =>
        {
            // The not-found page's own status is what the browser reports for it; nothing else may speak.
            var expected = current == "/no-such-page" && message.Text.Contains("status of 404", StringComparison.Ordinal);
            if (message.Type is "error" or "warning" && !expected)
            {
                console.Add($"{current}: [{message.Type}] {message.Text}");
            }
        };
        page.PageError += (_, error) => console.Add($"{current}: [page error] {error}");
        var logged = reading.App.ErrorsLogged.Lines.Count;
        var violations = new List<string>();

        var pages = who == "reader" ? ReaderPages : who == Roles.Editor ? EditorPages : [.. EditorPages.Take(3), .. AdminPages];
        foreach (var address in pages)
        {
            current = address;
            await page.GotoAsync(address);
            await page.Locator($"html[data-theme='{(scheme == ColorScheme.Dark ? "dark" : "light")}']").WaitForAsync();
            if (await page.Locator("body[data-mode='editing']").CountAsync() > 0)
            {
                await page.Locator("[data-interactive='true']").WaitForAsync();
            }
            else if (await page.Locator("[data-live-version]").CountAsync() > 0)
            {
                await page.Locator("html[data-live='listening']").WaitForAsync();
            }

            violations.AddRange((await PageChecks.AccessibilityViolationsAsync(page)).Select(v => $"{address}: {v}"));
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        Assert.True(console.Count == 0, string.Join(Environment.NewLine, console));
        var errors = reading.App.ErrorsLogged.Lines.Skip(logged).ToList();
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        await page.Context.CloseAsync();
    }
}
