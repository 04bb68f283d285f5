using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;
using Roles = AllianceTracker.Web.Features.Accounts.Roles;

namespace AllianceTracker.EndToEnd.Editors;

/// <summary>
/// An editor pastes a news text, reviews what the assist suggests beside each stance on record —
/// accepts one as is, edits one, rejects one — and saves the reviewed ones in one step; the
/// dashboard shows them and the audit trail says they came from the news assist.
/// </summary>
public sealed class NewsAssistFlowTests : FreshBrowserAppTest
{
    private const string Text =
        "Portugal said on Monday it supports the €100bn fund for Ukraine.\n"
        + "Greece is still studying the fund, a government spokesman said, adding that Athens wants to see the details first.\n"
        + "Croatia backs handing the Ramstein coordination to NATO.\n"
        + "Norway's view of the fund was the talk of the corridors.";

    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task An_editor_pastes_a_news_text_and_saves_its_updates_in_one_review()
    {
        var page = await App.SignedInPageAsync(Roles.Editor, height: 1200);
        var dashboard = new DashboardPage(page);
        await dashboard.GoToAsync("/news");

        await FormFields.TypeAsync(page, "news-text", Text);
        await FormFields.TypeAsync(page, "news-source-title", "Allies weigh the Ukraine fund");
        await FormFields.TypeAsync(page, "news-source-outlet", "Example Wire");
        await FormFields.ChooseAsync(page, "news-source-kind", "News report");
        await FormFields.TypeAsync(page, "news-source-published", "2024-06-17");
        await page.Locator("[data-testid=news-read]").ClickAsync();

        var suggestions = page.Locator("[data-testid=news-suggestion]");
        await Assertions.Expect(suggestions).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-testid=news-sentence-used]")).ToHaveCountAsync(3);
        // Norway is named about the fund in words the assist cannot read: listed, not suggested.
        await Assertions.Expect(page.Locator("[data-testid=news-unread-item][data-member=NOR]")).ToHaveCountAsync(1);
        var portugal = Suggestion(page, "PRT", "ukraine-fund");
        var greece = Suggestion(page, "GRC", "ukraine-fund");
        var croatia = Suggestion(page, "HRV", "ramstein-coordination");
        // Each suggestion beside the stance on record.
        await Assertions.Expect(portugal.Locator(".news-change .stance-chip").First).ToHaveAttributeAsync("data-stance", "unknown");
        await Assertions.Expect(portugal.Locator(".news-change .stance-chip").Nth(1)).ToHaveAttributeAsync("data-stance", "supports");
        await Assertions.Expect(greece.Locator(".news-change .stance-chip").Nth(1)).ToHaveAttributeAsync("data-stance", "undecided");

        await portugal.GetByText("Accept", new() { Exact = true }).ClickAsync();
        await greece.GetByText("Accept", new() { Exact = true }).ClickAsync();
        // The sentence is longer than it needs to be: the editor keeps the words that say it.
        await FormFields.TypeAsync(greece, "news-excerpt", "Greece is still studying the fund");
        await croatia.GetByText("Reject").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=news-tally]")).ToContainTextAsync("2 accepted · 1 rejected · 0 to review");
        await PageChecks.AssertNoAccessibilityViolationsAsync(page);
        // The review in the window, under the fixed bar (a full-page shot would paint the bar mid-page).
        await page.EvaluateAsync("window.scrollTo(0, document.getElementById('review-heading').getBoundingClientRect().top + window.scrollY - 80)");
        await PageChecks.SaveScreenshotAsync(page, "news-assist-light.png", fullPage: false);

        await page.Locator("[data-testid=news-save]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=news-saved]")).ToContainTextAsync("Saved 2 stance changes");
        // What was saved leaves the review; the rejected one stays until the next reading.
        await Assertions.Expect(suggestions).ToHaveCountAsync(1);

        await dashboard.OpenAsync();
        await Assertions.Expect(dashboard.Cell("PRT", "ukraine-fund")).ToHaveAttributeAsync("data-stance", "supports");
        await Assertions.Expect(dashboard.Cell("GRC", "ukraine-fund")).ToHaveAttributeAsync("data-stance", "undecided");
        await Assertions.Expect(dashboard.Cell("HRV", "ramstein-coordination")).ToHaveAttributeAsync("data-stance", "unknown");

        await dashboard.GoToAsync("/audit?member=GRC");
        var entry = page.Locator("tr[data-entry]").First;
        await Assertions.Expect(entry.Locator("[data-testid=audit-origin]")).ToHaveTextAsync("via the news assist");
        await Assertions.Expect(entry).ToContainTextAsync("Greece is still studying the fund");
        await Assertions.Expect(entry).ToContainTextAsync("Allies weigh the Ukraine fund");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Bad_input_is_named_at_its_field_and_what_was_typed_stays()
    {
        var page = await App.SignedInPageAsync(Roles.Editor);
        await new DashboardPage(page).GoToAsync("/news");

        await FormFields.TypeAsync(page, "news-text", "Hungary rejects\u0007 the fund.");
        await FormFields.TypeAsync(page, "news-source-outlet", "Example Wire");
        await FormFields.ChooseAsync(page, "news-source-kind", "News report");
        await page.Locator("[data-testid=news-read]").ClickAsync();

        await Assertions.Expect(page.GetByText("The text holds a control character (U+0007)")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Give the source's title.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=news-suggestion]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("input[data-testid=news-source-outlet], [data-testid=news-source-outlet] input").First).ToHaveValueAsync("Example Wire");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_alias_added_on_the_proposal_page_is_what_the_assist_reads_next()
    {
        var page = await App.SignedInPageAsync(Roles.Editor);
        var dashboard = new DashboardPage(page);
        await dashboard.GoToAsync("/proposals/ramstein-coordination/edit");
        await Assertions.Expect(page.Locator("[data-testid=alias][data-alias='Ramstein']")).ToHaveCountAsync(1);

        await FormFields.TypeAsync(page, "alias-new", "clearing house");
        await page.Locator("[data-testid=alias-add]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=alias][data-alias='clearing house']")).ToHaveCountAsync(1);
        await FormFields.TypeAsync(page, "alias-new", "RAMSTEIN");
        await page.Locator("[data-testid=alias-add]").ClickAsync();
        await Assertions.Expect(page.GetByText("\"RAMSTEIN\" already names this proposal.")).ToBeVisibleAsync();

        await dashboard.GoToAsync("/news");
        await FormFields.TypeAsync(page, "news-text", "Italy backs the clearing house.");
        await FormFields.TypeAsync(page, "news-source-title", "Clearing house");
        await FormFields.TypeAsync(page, "news-source-outlet", "Example Wire");
        await FormFields.ChooseAsync(page, "news-source-kind", "News report");
        await FormFields.TypeAsync(page, "news-source-published", "2024-06-17");
        await page.Locator("[data-testid=news-read]").ClickAsync();

        await Assertions.Expect(Suggestion(page, "ITA", "ramstein-coordination")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    private static async Task ReadAsync(IPage page, string text)
    {
        await new DashboardPage(page).GoToAsync("/news");
        await FormFields.TypeAsync(page, "news-text", text);
        await FormFields.TypeAsync(page, "news-source-title", "Allies and the summit");
        await FormFields.TypeAsync(page, "news-source-outlet", "Example Wire");
        await FormFields.ChooseAsync(page, "news-source-kind", "News report");
        await FormFields.TypeAsync(page, "news-source-published", "2024-06-17");
        await page.Locator("[data-testid=news-read]").ClickAsync();
    }

    [Fact]
    public async Task The_review_says_why_it_found_nothing_warns_on_flips_and_groups_and_accepts_only_the_sure_ones()
    {
        var page = await App.SignedInPageAsync(Roles.Editor, height: 1200);

        await ReadAsync(page, "Ungarn lehnt den Ukraine-Fonds der NATO ab und wird sich nicht an der Mission beteiligen.");
        await Assertions.Expect(page.Locator("[data-testid=news-why-nothing]")).ToContainTextAsync("looks like German");
        await Assertions.Expect(page.Locator("[data-testid=news-suggestion]")).ToHaveCountAsync(0);

        // Poland is on record as supporting the invitation; the Nordic countries are a group, read less surely.
        await ReadAsync(page, "Poland rejects the membership invitation for Ukraine. The Nordic countries back the Ramstein handover.");
        var poland = Suggestion(page, "POL", "membership-invitation");
        await Assertions.Expect(poland.Locator("[data-testid=news-flip-warning]")).ToContainTextAsync("from supports to opposes");
        var unsure = page.Locator("details[data-testid=news-unsure]");
        await Assertions.Expect(unsure.Locator("summary")).ToContainTextAsync("5 less certain suggestions");
        await Assertions.Expect(Suggestion(page, "NOR", "ramstein-coordination")).Not.ToBeVisibleAsync();
        await unsure.Locator("summary").ClickAsync();
        await Assertions.Expect(Suggestion(page, "NOR", "ramstein-coordination").Locator("[data-testid=news-group-warning]")).ToContainTextAsync("names a group");

        await page.Locator("[data-testid=news-accept-all]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=news-tally]")).ToContainTextAsync("1 accepted · 0 rejected · 5 to review");
        await Assertions.Expect(poland).ToHaveAttributeAsync("data-decision", "accept");
        await PageChecks.AssertNoAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_ally_named_without_stance_words_is_pointed_at_and_the_editor_records_what_the_sentence_says()
    {
        var page = await App.SignedInPageAsync(Roles.Editor, height: 1200);

        await ReadAsync(page, "Denmark welcomed the Ukraine fund. Norway's view of the Ukraine fund was the talk of the corridors, "
            + "and officials in Oslo said the government would put money into it.");

        // Denmark's stance was read; Norway's was not guessed: it is listed with its sentence.
        await Assertions.Expect(page.Locator("[data-testid=news-suggestion]")).ToHaveCountAsync(1);
        var norway = page.Locator("[data-testid=news-unread-item][data-member=NOR][data-proposal=ukraine-fund]");
        await Assertions.Expect(norway).ToContainTextAsync("Norway's view of the Ukraine fund was the talk of the corridors");
        await Assertions.Expect(page.Locator("#unread-heading")).ToHaveTextAsync("Named, but no stance read (1)");
        await Assertions.Expect(page.Locator("[data-testid=news-sentence-unread]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=news-unread-summary]")).ToContainTextAsync("One ally is named where no stance could be read");

        // From the keyboard: the button, then Enter; the focus lands on the card's stance, the
        // only thing the editor has left to decide (the button itself is gone).
        await norway.GetByRole(AriaRole.Button, new() { Name = "Record a stance for Norway" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var card = Suggestion(page, "NOR", "ukraine-fund");
        await Assertions.Expect(card).ToContainTextAsync("Suggested: none");
        await Assertions.Expect(card.Locator("[data-testid=news-stance] :focus, [data-testid=news-stance]:focus")).ToHaveCountAsync(1);
        await Assertions.Expect(FormFields.Input(card, "news-stance")).ToHaveValueAsync("");
        await Assertions.Expect(norway).ToHaveCountAsync(0);

        // Saved without a stance: refused at the card, nothing written.
        await page.Locator("[data-testid=news-save]").ClickAsync();
        await Assertions.Expect(card.GetByText("Choose the stance the sentence states, or reject this card.", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=news-saved]")).ToHaveCountAsync(0);

        // The card's field shows the choice as its value (it shows nothing before one is made).
        await card.Locator("[data-testid=news-stance]").ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = "Supports" }).First.ClickAsync();
        await Assertions.Expect(FormFields.Input(card, "news-stance")).ToHaveValueAsync("Supports");
        await FormFields.TypeAsync(card, "news-excerpt", "officials in Oslo said the government would put money into it");
        await PageChecks.AssertNoAccessibilityViolationsAsync(page);
        await page.Locator("[data-testid=news-save]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-testid=news-saved]")).ToContainTextAsync("Norway");
        var dashboard = new DashboardPage(page);
        await dashboard.OpenAsync();
        await Assertions.Expect(dashboard.Cell("NOR", "ukraine-fund")).ToHaveAttributeAsync("data-stance", "supports");
        await page.Context.CloseAsync();
    }

    private static ILocator Suggestion(IPage page, string member, string proposal) =>
        page.Locator($"[data-testid=news-suggestion][data-member='{member}'][data-proposal='{proposal}']");
}
