using System.Text.Json;
using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;
using Roles = AllianceTracker.Web.Features.Accounts.Roles;

namespace AllianceTracker.EndToEnd.Editors;

/// <summary>
/// A summit night replayed through the UI alone, typed key by key: Hungary's one announcement
/// recorded once for two proposals, a new €40bn pledge, Ramstein adopted in a changed form, the
/// fund replaced by the pledge, the invitation wrongly recorded as adopted past the confirmation
/// that names Germany and the United States, retracted and recorded as deferred, and a news report
/// that agrees with the record added as evidence. Then every output — dashboard, proposal and
/// member pages, compare (page and CSV), the Markdown brief, /api/v1/consensus, the feed — tells
/// the same story, with Hungary named.
/// </summary>
public sealed class EditorialScenarioTests : FreshBrowserAppTest
{
    private const string DeclarationTitle = "Washington Summit Declaration";
    private const string NsatuQuote = "We have decided to establish NATO Security Assistance and Training for Ukraine (NSATU) to coordinate the provision of military equipment and training for Ukraine.";
    private const string PledgeQuote = "We intend to provide a minimum baseline funding of €40 billion within the next year.";
    private const string HungaryQuote = "Hungary will not take part in NATO's support for Ukraine but will not block it, the prime minister said.";
    private const string GermanyText = "Germany still opposes the membership invitation for Ukraine, a government spokesman in Berlin said on Monday.";

    [Fact]
    public async Task A_summit_night_entered_through_the_ui_tells_the_same_story_everywhere_with_hungary_named()
    {
        var page = await App.SignedInPageAsync(Roles.Editor, height: 1100);
        var dashboard = new DashboardPage(page);
        await dashboard.OpenAsync();

        // 1. Hungary's one announcement, once, for the fund and for Ramstein: a source the tracker does not list yet.
        var dialog = await StanceEditDialog.OpenAsync(page, "HUN", "ukraine-fund");
        await dialog.ChooseStanceAsync("Opts out");
        await dialog.TypeEffectiveDateAsync(new DateOnly(2024, 6, 12));
        await dialog.TypeAsync("edit-reason", "Orbán: Hungary will neither take part in nor block NATO's Ukraine support.");
        await dialog.AddProposalAsync("NATO leads Ramstein coordination");
        await dialog.ChooseCellStanceAsync("HUN", "ramstein-coordination", "Opts out");
        await dialog.CiteNewSourceAsync();
        await dialog.TypeAsync("edit-source-title", "Hungary will not block NATO support for Ukraine");
        await dialog.TypeAsync("edit-source-outlet", "Example Wire");
        await dialog.ChooseSourceKindAsync("News report");
        await dialog.TypeAsync("edit-source-published", "2024-06-12");
        await dialog.TypeAsync("edit-excerpt", HungaryQuote);
        await Assertions.Expect(dialog.Dialog.Locator("[data-testid=edit-save]")).ToHaveTextAsync("Save for 2 cells");
        await PageChecks.AssertNoAccessibilityViolationsAsync(page);
        await dialog.SaveAsync();
        await Assertions.Expect(dashboard.Cell("HUN", "ukraine-fund")).ToHaveAttributeAsync("data-stance", "opts-out");
        await Assertions.Expect(dashboard.Cell("HUN", "ramstein-coordination")).ToHaveAttributeAsync("data-stance", "opts-out");

        // 2. The replacing proposal from the declaration: the €40bn pledge, its slug suggested from its title.
        await dashboard.GoToAsync("/proposals/new");
        await FormFields.TypeAsync(page, "proposal-title", "Pledge of €40bn for Ukraine");
        await Assertions.Expect(FormFields.Input(page.Locator("body"), "proposal-slug")).ToHaveValueAsync("pledge-of-40bn-for-ukraine");
        await FormFields.TypeAsync(page, "proposal-description", "A minimum baseline of €40 billion of security assistance for Ukraine within the next year.");
        await FormFields.TypeAsync(page, "proposal-proposer", "Allies at the Washington summit");
        await FormFields.TypeAsync(page, "proposal-tabled", "2024-07-10");
        await page.Locator("[data-testid=proposal-save]").ClickAsync();
        await dashboard.WaitForAddressAsync("/proposals/pledge-of-40bn-for-ukraine");

        // 3. Ramstein adopted in a changed form (as NSATU): nobody is on record against it any more, so no question is asked.
        await OpenEditAsync(dashboard, "ramstein-coordination");
        await FormFields.ChooseAsync(page, "outcome", "Adopted in a changed form");
        await FormFields.TypeAsync(page, "outcome-date", "2024-07-10");
        await FormFields.TypeAsync(page, "outcome-note", "Adopted as NSATU, not as the lead of the Ramstein group.");
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
        await FormFields.TypeAsync(page, "outcome-note", "The five-year €100bn fund was not agreed; a one-year €40bn baseline instead.");
        await FormFields.ChooseAsync(page, "outcome-source", DeclarationTitle);
        await FormFields.TypeAsync(page, "outcome-excerpt", PledgeQuote);
        await page.Locator("[data-testid=outcome-save]").ClickAsync();
        await dashboard.WaitForAddressAsync("/proposals/ukraine-fund");

        // 5. The invitation recorded as adopted — a slip: the confirmation names who is on record against it;
        //    the editor goes back once, then (wrongly) records it anyway, and retracts it for the deferral.
        await OpenEditAsync(dashboard, "membership-invitation");
        await RecordInvitationAsync(page, "Adopted", "Invitation issued.");
        var confirmation = page.Locator("[data-testid=adopt-confirmation]");
        await Assertions.Expect(confirmation.Locator("[data-testid=adopt-opposing]")).ToHaveTextAsync("On record as opposing: Germany, United States.");
        await PageChecks.AssertNoAccessibilityViolationsAsync(page);
        await confirmation.Locator("[data-testid=adopt-cancel]").ClickAsync();
        await Assertions.Expect(confirmation).ToHaveCountAsync(0);
        Assert.EndsWith("/proposals/membership-invitation/edit", page.Url);
        await page.Locator("[data-testid=outcome-save]").ClickAsync();
        await confirmation.Locator("[data-testid=adopt-confirm]").ClickAsync();
        await dashboard.WaitForAddressAsync("/proposals/membership-invitation");
        await Assertions.Expect(page.Locator("[data-testid=outcome]")).ToHaveTextAsync("Adopted on 10 July 2024");

        await OpenEditAsync(dashboard, "membership-invitation");
        var wrong = page.Locator("[data-testid=decision-entry]").First;
        await FormFields.TypeAsync(wrong, "decision-retract-reason", "Wrong: the declaration defers the invitation.");
        await wrong.Locator("[data-testid=decision-retract]").ClickAsync();
        await Assertions.Expect(wrong).ToContainTextAsync("Retracted on");
        await RecordInvitationAsync(page, "Deferred", "No invitation: the declaration calls Ukraine's path to membership irreversible.");
        await dashboard.WaitForAddressAsync("/proposals/membership-invitation");

        // 6. A news report that says what is on record: added as evidence, the record's source and reason kept.
        await dashboard.GoToAsync("/news");
        await FormFields.TypeAsync(page, "news-text", GermanyText);
        await FormFields.TypeAsync(page, "news-source-title", "Berlin holds its line on Ukraine's invitation");
        await FormFields.TypeAsync(page, "news-source-outlet", "Example Wire");
        await FormFields.ChooseAsync(page, "news-source-kind", "News report");
        await FormFields.TypeAsync(page, "news-source-published", "2024-07-08");
        await page.Locator("[data-testid=news-read]").ClickAsync();
        var germany = page.Locator("[data-testid=news-suggestion][data-member='DEU'][data-proposal='membership-invitation']");
        await Assertions.Expect(germany.Locator("[data-testid=news-same]")).ToContainTextAsync("Same as on record (Opposes since c. 3 Apr 2024, citing ICARO Media Group)");
        await germany.GetByText("Add as evidence").ClickAsync();
        await page.Locator("[data-testid=news-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=news-saved]")).ToBeVisibleAsync();

        // The dashboard: decided, in the past tense, with who stepped aside and who objected named.
        await dashboard.OpenAsync();
        // The pledge was tabled that day and is not decided: the heading says so.
        await Assertions.Expect(page.Locator("#consensus-heading")).ToHaveTextAsync("What the summit decided, and where the rest stand");
        await Assertions.Expect(page.Locator("[data-testid=dashboard-lead]")).ToContainTextAsync("stood on the proposals at the Washington Summit 2024 (9–11 July 2024), and what it decided");
        await Assertions.Expect(dashboard.Card("ukraine-fund")).ToHaveAttributeAsync("data-status", "replaced");
        await Assertions.Expect(dashboard.Card("ramstein-coordination")).ToHaveAttributeAsync("data-status", "adopted-amended");
        await Assertions.Expect(dashboard.Card("membership-invitation")).ToHaveAttributeAsync("data-status", "deferred");
        foreach (var slug in new[] { "ukraine-fund", "ramstein-coordination" })
        {
            await Assertions.Expect(dashboard.Card(slug).Locator("[data-testid=opting-out] li")).ToHaveTextAsync(["Hungary"]);
        }

        await Assertions.Expect(dashboard.Card("membership-invitation").Locator(".blockers li")).ToHaveTextAsync(["Germany", "United States"]);
        await Assertions.Expect(dashboard.Card("ukraine-fund")).Not.ToContainTextAsync("Outstanding conditions");
        await Assertions.Expect(dashboard.Card("ukraine-fund")).ToContainTextAsync(PledgeQuote);
        await Assertions.Expect(page.Locator("section.sources")).ToContainTextAsync(DeclarationTitle);

        // The proposal page and a reader's member pages.
        await dashboard.GoToAsync("/proposals/ukraine-fund");
        await Assertions.Expect(page.Locator("#consensus-heading")).ToContainTextAsync("Decision, as of");
        await Assertions.Expect(page.Locator(".consensus-card [data-testid=decision]")).ToContainTextAsync("Replaced by Pledge of €40bn for Ukraine.");
        var reader = await App.NewPageAsync();
        var hungary = new MemberPage(reader);
        await hungary.OpenAsync("HUN");
        await Assertions.Expect(hungary.Position("ukraine-fund")).ToContainTextAsync("Hungary opts out — proposal replaced on 10 July 2024");
        await Assertions.Expect(hungary.Position("ramstein-coordination")).ToContainTextAsync(HungaryQuote);
        await Assertions.Expect(reader.Locator("body")).Not.ToContainTextAsync("@alliancetracker.example");
        var germanyPage = new MemberPage(reader);
        await germanyPage.OpenAsync("DEU");
        var invitation = germanyPage.Position("membership-invitation");
        await Assertions.Expect(invitation).ToContainTextAsync("ICARO Media Group");
        await Assertions.Expect(invitation).ToContainTextAsync("Berlin holds its line on Ukraine's invitation");

        // Compare, page and CSV: the decisions with what they record, Hungary's change by name and code.
        await reader.GotoAsync("/compare?from=date&fromDate=2024-06-01&to=now");
        var fundChange = reader.Locator("li[data-status-change][data-proposal='ukraine-fund']");
        await Assertions.Expect(fundChange).ToContainTextAsync("Blocked → Replaced on 10 July 2024, replaced by Pledge of €40bn for Ukraine");
        await Assertions.Expect(fundChange).ToContainTextAsync("a one-year €40bn baseline instead");
        await Assertions.Expect(fundChange).ToContainTextAsync(PledgeQuote);
        await Assertions.Expect(reader.Locator("tr[data-member='HUN'][data-proposal='ramstein-coordination']")).ToContainTextAsync("Opposes → Opts out");

        using var http = new HttpClient { BaseAddress = App.BaseAddress };
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var diffCsv = await http.GetStringAsync("/api/v1/diff.csv?from=2024-06-01&to=now");
        Assert.Contains($"decision,2024-06-01,{today},,,ukraine-fund,€100bn five-year fund for Ukraine,blocked,replaced,,", diffCsv);
        Assert.Contains(",2024-07-10,pledge-of-40bn-for-ukraine,", diffCsv);
        Assert.Contains($"decision,2024-06-01,{today},,,membership-invitation,Membership invitation for Ukraine,blocked,deferred,", diffCsv);
        Assert.Contains($"stance,2024-06-01,{today},HUN,Hungary,ukraine-fund,€100bn five-year fund for Ukraine,opposes,opts-out,", diffCsv);
        Assert.DoesNotContain("July 2024", diffCsv);

        // The Markdown brief and the API.
        var brief = await http.GetStringAsync("/api/v1/exports/current.md");
        Assert.Contains("On record as opting out: Hungary.", brief);
        Assert.Contains("On record as opposing: Germany, United States.", brief);
        var consensus = JsonDocument.Parse(await http.GetStringAsync("/api/v1/consensus")).RootElement.EnumerateArray()
            .ToDictionary(c => c.GetProperty("proposal").GetString()!, c => c);
        Assert.Equal(["HUN"], consensus["ukraine-fund"].GetProperty("optsOut").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["HUN"], consensus["ramstein-coordination"].GetProperty("optsOut").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["DEU", "USA"], consensus["membership-invitation"].GetProperty("opposing").EnumerateArray().Select(m => m.GetString()));
        Assert.Empty(consensus["membership-invitation"].GetProperty("blockers").EnumerateArray());
        Assert.Equal("replaced", consensus["ukraine-fund"].GetProperty("status").GetString());
        Assert.Equal("pledge-of-40bn-for-ukraine", consensus["ukraine-fund"].GetProperty("decision").GetProperty("replacedBy").GetString());
        Assert.Equal("deferred", consensus["membership-invitation"].GetProperty("status").GetString());
        Assert.Equal("blocked", JsonDocument.Parse(await http.GetStringAsync("/api/v1/consensus?asOf=2024-06-01")).RootElement.EnumerateArray()
            .Single(c => c.GetProperty("proposal").GetString() == "ramstein-coordination").GetProperty("status").GetString());

        // The feed marks the wrong decision where it stands, and says who wrote what by display name.
        var feed = await http.GetStringAsync("/feeds/changes.atom");
        Assert.Contains("[Retracted] Decision: Membership invitation for Ukraine adopted on 10 July 2024", feed);
        Assert.Contains("Decision: €100bn five-year fund for Ukraine replaced on 10 July 2024", feed);
        Assert.Contains("Germany: evidence added for Opposes on Membership invitation for Ukraine", feed);
        Assert.Contains("<name>Editor desk</name>", feed);
        Assert.DoesNotContain("@alliancetracker.example", feed);
        // The declaration is cited by the three decisions that stand, not by the retracted one.
        var sources = JsonDocument.Parse(await http.GetStringAsync("/api/v1/sources?kind=declaration")).RootElement;
        Assert.Equal(3, Assert.Single(sources.EnumerateArray().ToList()).GetProperty("citedByDecisions").GetInt32());

        await reader.Context.CloseAsync();
        await page.Context.CloseAsync();
    }

    private static async Task OpenEditAsync(DashboardPage dashboard, string slug) => await dashboard.GoToAsync($"/proposals/{slug}/edit");

    private static async Task RecordInvitationAsync(IPage page, string outcome, string note)
    {
        await FormFields.ChooseAsync(page, "outcome", outcome);
        await FormFields.TypeAsync(page, "outcome-date", "2024-07-10");
        await FormFields.TypeAsync(page, "outcome-note", note);
        await FormFields.ChooseAsync(page, "outcome-source", DeclarationTitle);
        await FormFields.TypeAsync(page, "outcome-excerpt", "We will continue to support Ukraine on its irreversible path to full Euro-Atlantic integration, including NATO membership.");
        await page.Locator("[data-testid=outcome-save]").ClickAsync();
    }
}
