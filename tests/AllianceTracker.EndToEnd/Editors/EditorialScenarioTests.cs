using System.Text.Json;
using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;
using Roles = AllianceTracker.Web.Features.Accounts.Roles;

namespace AllianceTracker.EndToEnd.Editors;

/// <summary>
/// An editor brings the tracker up to date from the news through the UI alone — Hungary's June
/// opt-out, the July declaration's decisions with the declaration quoted, a new €40bn pledge, a
/// wrongly dated decision corrected — and every page, export, diff, feed and API answer then tells
/// the same, sourced story.
/// </summary>
public sealed class EditorialScenarioTests : FreshBrowserAppTest
{
    private const string DeclarationTitle = "Washington Summit Declaration";
    private const string NsatuQuote = "We have decided to establish NATO Security Assistance and Training for Ukraine (NSATU) to coordinate the provision of military equipment and training for Ukraine by Allies and partners.";
    private const string PledgeQuote = "We intend to provide a minimum baseline funding of €40 billion within the next year, and to provide sustainable levels of security assistance for Ukraine to prevail.";
    private const string HungaryQuote = "Hungary will not take part in NATO's support for Ukraine but will not block it, the prime minister said after meeting the Secretary-General.";

    [Fact]
    public async Task An_editor_brings_the_tracker_up_to_date_through_the_ui_and_every_output_tells_the_same_story()
    {
        var page = await App.SignedInPageAsync(Roles.Editor, height: 1100);
        var dashboard = new DashboardPage(page);
        await dashboard.OpenAsync();

        // 1. Hungary's June opt-out, from a news report the tracker does not list yet.
        var dialog = await StanceEditDialog.OpenAsync(page, "HUN", "ukraine-fund");
        await dialog.ChooseStanceAsync("Opts out");
        await dialog.TypeEffectiveDateAsync(new DateOnly(2024, 6, 12));
        await dialog.TypeAsync("edit-reason", "Orbán agreed not to block NATO's Ukraine support as long as Hungary takes no part.");
        await dialog.CiteNewSourceAsync();
        await dialog.TypeAsync("edit-source-title", "Hungary will not block NATO support for Ukraine");
        await dialog.TypeAsync("edit-source-outlet", "Example Wire");
        await dialog.ChooseSourceKindAsync("News report");
        await dialog.TypeAsync("edit-source-published", "2024-06-12");
        await dialog.TypeAsync("edit-excerpt", HungaryQuote);
        await dialog.SaveAsync();
        await Assertions.Expect(dashboard.Cell("HUN", "ukraine-fund")).ToHaveAttributeAsync("data-stance", "opts-out");

        // 2. A new proposal from the declaration: the €40bn pledge, its slug suggested from its title.
        await dashboard.GoToAsync("/proposals/new");
        await page.Locator("[data-testid=proposal-title] input, input[data-testid=proposal-title]").First.FillAsync("Pledge of €40bn for Ukraine");
        await Assertions.Expect(page.Locator("[data-testid=proposal-slug] input, input[data-testid=proposal-slug]").First).ToHaveValueAsync("pledge-of-40bn-for-ukraine");
        await FormFields.TypeAsync(page, "proposal-description", "A minimum baseline of €40 billion of security assistance for Ukraine within the next year.");
        await FormFields.TypeAsync(page, "proposal-proposer", "Allies at the Washington summit");
        await FormFields.TypeAsync(page, "proposal-tabled", "2024-07-10");
        await page.Locator("[data-testid=proposal-save]").ClickAsync();
        await dashboard.WaitForAddressAsync("/proposals/pledge-of-40bn-for-ukraine");

        // 3. Ramstein coordination adopted in a changed form (as NSATU), the declaration quoted as a new source.
        await OpenEditAsync(dashboard, "ramstein-coordination");
        await FormFields.ChooseAsync(page, "outcome", "Adopted in a changed form");
        await FormFields.TypeAsync(page, "outcome-date", "2024-07-10");
        await FormFields.TypeAsync(page, "outcome-note", "Adopted as NATO Security Assistance and Training for Ukraine (NSATU), not as the lead of the Ramstein group.");
        await page.GetByText("Cite a source that is not listed yet").ClickAsync();
        await FormFields.TypeAsync(page, "outcome-source-title", DeclarationTitle);
        await FormFields.TypeAsync(page, "outcome-source-outlet", "NATO");
        await FormFields.ChooseAsync(page, "outcome-source-kind", "Declaration");
        await FormFields.TypeAsync(page, "outcome-source-url", "https://www.nato.int/cps/en/natohq/official_texts_227678.htm");
        await FormFields.TypeAsync(page, "outcome-source-published", "2024-07-10");
        await FormFields.TypeAsync(page, "outcome-excerpt", NsatuQuote);
        await page.Locator("[data-testid=outcome-save]").ClickAsync();
        await dashboard.WaitForAddressAsync("/proposals/ramstein-coordination");
        await Assertions.Expect(page.Locator("[data-testid=outcome]")).ToHaveTextAsync("Adopted in a changed form on 10 July 2024");

        // 4. The €100bn fund replaced by the pledge, citing the declaration now listed.
        await OpenEditAsync(dashboard, "ukraine-fund");
        await FormFields.ChooseAsync(page, "outcome", "Replaced");
        await FormFields.ChooseAsync(page, "outcome-replaced-by", "Pledge of €40bn for Ukraine");
        await FormFields.TypeAsync(page, "outcome-date", "2024-07-10");
        await FormFields.TypeAsync(page, "outcome-note", "The five-year €100bn fund was not agreed; the declaration sets a one-year €40bn baseline instead.");
        await FormFields.ChooseAsync(page, "outcome-source", DeclarationTitle);
        await FormFields.TypeAsync(page, "outcome-excerpt", PledgeQuote);
        await page.Locator("[data-testid=outcome-save]").ClickAsync();
        await dashboard.WaitForAddressAsync("/proposals/ukraine-fund");

        // 5. A wrongly dated decision on the invitation, retracted and recorded again.
        await OpenEditAsync(dashboard, "membership-invitation");
        await RecordDeferredAsync(page, "2024-07-12");
        await dashboard.WaitForAddressAsync("/proposals/membership-invitation");
        await OpenEditAsync(dashboard, "membership-invitation");
        var wrong = page.Locator("[data-testid=decision-entry]").First;
        await wrong.Locator("[data-testid=decision-retract-reason] input, input[data-testid=decision-retract-reason]").First.FillAsync("Wrong date: the declaration is of 10 July.");
        await wrong.Locator("[data-testid=decision-retract]").ClickAsync();
        await Assertions.Expect(wrong).ToContainTextAsync("Retracted on");
        await RecordDeferredAsync(page, "2024-07-10");
        await dashboard.WaitForAddressAsync("/proposals/membership-invitation");

        // Every output now tells the same story. The dashboard:
        await dashboard.OpenAsync();
        await Assertions.Expect(dashboard.Card("ramstein-coordination")).ToHaveAttributeAsync("data-status", "adopted-amended");
        await Assertions.Expect(dashboard.Card("ukraine-fund")).ToHaveAttributeAsync("data-status", "replaced");
        await Assertions.Expect(dashboard.Card("membership-invitation")).ToHaveAttributeAsync("data-status", "deferred");
        await Assertions.Expect(dashboard.Card("ukraine-fund")).ToContainTextAsync(PledgeQuote);
        await Assertions.Expect(page.Locator("[data-testid=summit-decisions]")).ToContainTextAsync("deferred on 10 July 2024");
        await Assertions.Expect(dashboard.Card("ukraine-fund")).Not.ToContainTextAsync("Blocked by");

        // A reader's member page:
        var reader = await App.NewPageAsync();
        var hungary = new MemberPage(reader);
        await hungary.OpenAsync("HUN");
        await Assertions.Expect(hungary.Position("ukraine-fund")).ToContainTextAsync("Hungary opts out — proposal replaced on 10 July 2024");
        await Assertions.Expect(hungary.Position("ukraine-fund")).ToContainTextAsync(HungaryQuote);
        await Assertions.Expect(reader.Locator("body")).Not.ToContainTextAsync("@alliancetracker.example");

        // The API, an export, the diff, the feed, the sources and the audit trail:
        using var http = new HttpClient { BaseAddress = App.BaseAddress };
        var consensus = JsonDocument.Parse(await http.GetStringAsync("/api/v1/consensus")).RootElement.EnumerateArray()
            .ToDictionary(c => c.GetProperty("proposal").GetString()!, c => c);
        Assert.Equal("replaced", consensus["ukraine-fund"].GetProperty("status").GetString());
        Assert.Equal("pledge-of-40bn-for-ukraine", consensus["ukraine-fund"].GetProperty("decision").GetProperty("replacedBy").GetString());
        Assert.Equal(PledgeQuote, consensus["ukraine-fund"].GetProperty("decision").GetProperty("evidence")[0].GetProperty("excerpt").GetString());
        Assert.Equal("deferred", consensus["membership-invitation"].GetProperty("status").GetString());
        Assert.Equal("2024-07-10", consensus["membership-invitation"].GetProperty("decision").GetProperty("decidedOn").GetString());
        Assert.Equal("blocked", JsonDocument.Parse(await http.GetStringAsync("/api/v1/consensus?asOf=2024-07-01")).RootElement.EnumerateArray()
            .Single(c => c.GetProperty("proposal").GetString() == "ramstein-coordination").GetProperty("status").GetString());
        var csv = await http.GetStringAsync("/api/v1/exports/current.csv");
        Assert.Contains(",adopted-amended,2024-07-10,", csv);
        var diff = await http.GetStringAsync("/api/v1/diff.md?from=2024-06-01&to=now");
        Assert.Contains("**NATO leads Ramstein coordination**: Blocked → Adopted in a changed form", diff);
        Assert.Contains("| Hungary | €100bn five-year fund for Ukraine | Opposes | Opts out |", diff);
        var feed = await http.GetStringAsync("/feeds/changes.atom");
        Assert.Contains("Decision: €100bn five-year fund for Ukraine replaced on 10 July 2024", feed);
        Assert.Contains("Retracted decision: Membership invitation for Ukraine deferred", feed);
        Assert.Contains("New proposal: Pledge of €40bn for Ukraine", feed);
        Assert.Contains("<name>Editor desk</name>", feed);
        Assert.DoesNotContain("@alliancetracker.example", feed);
        var sources = JsonDocument.Parse(await http.GetStringAsync("/api/v1/sources?kind=declaration")).RootElement;
        // Ramstein, the fund, and the invitation entry that stands (the retracted one stays on record, but cites nothing now).
        Assert.Equal(3, Assert.Single(sources.EnumerateArray().ToList()).GetProperty("citedByDecisions").GetInt32());
        await dashboard.GoToAsync("/audit?proposal=membership-invitation");
        await Assertions.Expect(page.Locator("[data-testid=audit-decision-count]")).ToHaveTextAsync("2 decisions");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Wrong date: the declaration is of 10 July.");

        await reader.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    private static async Task OpenEditAsync(DashboardPage dashboard, string slug) => await dashboard.GoToAsync($"/proposals/{slug}/edit");

    private static async Task RecordDeferredAsync(IPage page, string decidedOn)
    {
        await FormFields.ChooseAsync(page, "outcome", "Deferred");
        await FormFields.TypeAsync(page, "outcome-date", decidedOn);
        await FormFields.TypeAsync(page, "outcome-note", "No invitation: the declaration calls Ukraine's path to membership irreversible.");
        await FormFields.ChooseAsync(page, "outcome-source", DeclarationTitle);
        await FormFields.TypeAsync(page, "outcome-excerpt", "We will continue to support Ukraine on its irreversible path to full Euro-Atlantic integration, including NATO membership.");
        await page.Locator("[data-testid=outcome-save]").ClickAsync();
    }
}
