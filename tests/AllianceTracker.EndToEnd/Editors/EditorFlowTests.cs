using System.Text;
using System.Text.Json.Nodes;
using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Web.Features.Exchange;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Roles = AllianceTracker.Web.Features.Accounts.Roles;

namespace AllianceTracker.EndToEnd.Editors;

/// <summary>An editor at work in the browser; every test on an app of its own.</summary>
public sealed class EditorFlowTests : FreshBrowserAppTest
{
    [Fact]
    public async Task An_editor_changes_Slovakias_stance_with_a_new_source_and_an_anonymous_page_shows_it_live()
    {
        var reader = new DashboardPage(await App.NewPageAsync());
        await reader.OpenAsync();
        Assert.Equal(0, await reader.Page.Locator("button.edit-stance").CountAsync());
        var editorPage = await App.SignedInPageAsync(Roles.Editor);
        var dashboard = new DashboardPage(editorPage);
        await dashboard.OpenAsync();

        var dialog = await StanceEditDialog.OpenAsync(dashboard.Page, "SVK", "ukraine-fund");
        await dialog.ChooseStanceAsync("Supports");
        await dialog.TypeEffectiveDateAsync(new DateOnly(2024, 4, 20));
        await dialog.TypeAsync("edit-reason", "Bratislava announced it will back the fund.");
        await dialog.CiteNewSourceAsync();
        await dialog.TypeAsync("edit-source-title", "Slovakia backs NATO Ukraine fund");
        await dialog.TypeAsync("edit-source-outlet", "Example Wire");
        await dialog.ChooseSourceKindAsync("News report");
        await dialog.TypeAsync("edit-source-url", "https://example.org/slovakia-fund");
        await dialog.TypeAsync("edit-excerpt", "Slovakia will support the proposed fund, the prime minister said.");
        await dialog.SaveAsync();

        await Assertions.Expect(reader.Cell("SVK", "ukraine-fund")).ToHaveAttributeAsync("data-stance", "supports");
        Assert.Equal("supports", await dashboard.Cell("SVK", "ukraine-fund").GetAttributeAsync("data-stance"));
        var member = new MemberPage(reader.Page);
        await member.OpenAsync("SVK");
        var fund = member.Position("ukraine-fund");
        await Assertions.Expect(fund).ToContainTextAsync("Example Wire");
        Assert.Equal("https://example.org/slovakia-fund", await fund.Locator("cite a").GetAttributeAsync("href"));
        await reader.CloseAsync();
        await editorPage.Context.CloseAsync();
    }

    [Fact]
    public async Task An_editor_marks_a_stance_as_an_interpretation_and_a_reader_opens_the_note_on_a_phone_without_script()
    {
        const string note = "Only Baltic officials are quoted; Estonia is read from them.";
        var editorPage = await App.SignedInPageAsync(Roles.Editor);
        var dashboard = new DashboardPage(editorPage);
        await dashboard.OpenAsync();
        var dialog = await StanceEditDialog.OpenAsync(editorPage, "EST", "ukraine-fund");
        await dialog.ChooseStanceAsync("Supports");
        await dialog.TypeEffectiveDateAsync(new DateOnly(2024, 6, 12));
        await dialog.TypeAsync("edit-reason", "Baltic officials back the fund.");
        // The box, then the note it asks for: saving with the box ticked and no note is refused first.
        await dialog.Dialog.GetByText("This stance is our interpretation").ClickAsync();
        await dialog.ChooseSourceAsync("Bolster Ukraine");
        await dialog.TypeAsync("edit-excerpt", "Baltic officials said the fund deserves support.");
        await dialog.ClickSaveAsync();
        await Assertions.Expect(dialog.Dialog).ToContainTextAsync("Say what you read into the evidence");
        await dialog.TypeAsync("edit-interpretation-note", note);
        await dialog.SaveAsync();
        await Assertions.Expect(dashboard.Cell("EST", "ukraine-fund")).ToHaveAttributeAsync("data-stance", "supports");
        await editorPage.Context.CloseAsync();

        // A reader on a phone with script off: the mark is on the cell, closed; a tap opens the note.
        var phone = await App.NewPageAsync(width: 390, height: 844, javaScript: false);
        var reader = new DashboardPage(phone);
        // Without script nothing follows the stream: the page that loaded is the page.
        await phone.GotoAsync("/");
        var mark = reader.Cell("EST", "ukraine-fund").Locator("details.interpretation");
        await Assertions.Expect(mark.Locator("summary")).ToHaveTextAsync("Interpretation");
        await Assertions.Expect(mark.GetByText(note)).ToBeHiddenAsync();
        await mark.Locator("summary").ClickAsync();
        await Assertions.Expect(mark.GetByText(note)).ToBeVisibleAsync();
        Assert.Equal(0, await reader.Cell("HUN", "ukraine-fund").Locator("details.interpretation").CountAsync());

        // By keyboard on the member page: Enter on the mark opens it.
        var member = new MemberPage(phone);
        await phone.GotoAsync("/members/EST");
        var position = member.Position("ukraine-fund").Locator("details.interpretation");
        await position.Locator("summary").FocusAsync();
        await phone.Keyboard.PressAsync("Enter");
        await Assertions.Expect(position.GetByText(note)).ToBeVisibleAsync();
        await phone.Context.CloseAsync();

        // Open, in both themes, the mark keeps the pages at no accessibility violation.
        foreach (var (scheme, path) in new[] { (ColorScheme.Light, "/"), (ColorScheme.Dark, "/members/EST") })
        {
            var page = new DashboardPage(await App.NewPageAsync(colorScheme: scheme));
            await page.GoToAsync(path);
            await page.Page.Locator("details.interpretation summary").First.ClickAsync();
            await Assertions.Expect(page.Page.GetByText(note).First).ToBeVisibleAsync();
            await PageChecks.AssertNoAccessibilityViolationsAsync(page.Page);
            await page.Page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Saving_over_a_stance_an_import_changed_meanwhile_shows_the_conflict_and_the_change_can_be_reapplied()
    {
        var editorPage = await App.SignedInPageAsync(Roles.Editor);
        var dashboard = new DashboardPage(editorPage);
        await dashboard.OpenAsync();
        var dialog = await StanceEditDialog.OpenAsync(editorPage, "SVK", "ukraine-fund");
        await dialog.ChooseStanceAsync("Supports");
        await dialog.TypeEffectiveDateAsync(new DateOnly(2024, 6, 10));
        await dialog.TypeAsync("edit-reason", "Bratislava announced it will back the fund.");
        await dialog.ChooseSourceAsync("Bolster Ukraine");
        await dialog.TypeAsync("edit-excerpt", "Slovakia will support the proposed fund, the prime minister said.");

        // Meanwhile an admin imports a dataset that records Slovakia as opposed.
        await ImportAsync("SVK", "ukraine-fund", "opposes", TestEditors.Admin("import-admin"));
        await dialog.ClickSaveAsync();

        await Assertions.Expect(dialog.Conflict).ToContainTextAsync("Dataset import by A former editor saved Opposes");
        Assert.Equal("opposes", await dashboard.Cell("SVK", "ukraine-fund").GetAttributeAsync("data-stance"));
        await dialog.ReapplyAsync();
        await Assertions.Expect(dashboard.Cell("SVK", "ukraine-fund")).ToHaveAttributeAsync("data-stance", "supports");
        await editorPage.Context.CloseAsync();
    }

    private async Task ImportAsync(string member, string proposal, string stance, System.Security.Claims.ClaimsPrincipal admin)
    {
        var current = await App.Services.GetRequiredService<PictureDocuments>().CurrentAsync();
        var dataset = JsonNode.Parse(current.ToCanonicalJson())!;
        var position = dataset["positions"]!.AsArray().Single(p => (string?)p!["member"] == member && (string?)p["proposal"] == proposal)!;
        position["stance"] = stance;
        position["effectiveDate"] = "2024-06-01";
        position["rationale"] = "Imported during an edit.";
        position["evidence"] = JsonNode.Parse("""[{"source":"icaro-2024-04-stoltenberg-ukraine-fund","excerpt":"An imported excerpt."}]""");
        await App.Services.GetRequiredService<DatasetImport>().ApplyAsync(admin, Encoding.UTF8.GetBytes(dataset.ToJsonString()));
    }

    [Fact]
    public async Task Script_typed_into_a_reason_is_stored_and_shown_as_text_and_never_runs()
    {
        const string payload = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">Bold claim";
        var editorPage = await App.SignedInPageAsync(Roles.Editor);
        var member = new MemberPage(editorPage);
        await member.OpenAsync("GRC");

        var dialog = await StanceEditDialog.OpenAsync(member.Page, "GRC", "ramstein-coordination");
        await dialog.ChooseStanceAsync("Undecided");
        await dialog.TypeEffectiveDateAsync(new DateOnly(2024, 4, 20));
        await dialog.TypeAsync("edit-reason", payload);
        await dialog.ChooseSourceAsync("Bolster Ukraine");
        await dialog.TypeAsync("edit-excerpt", "<b onmouseover=alert(1)>quoted</b>");
        await dialog.SaveAsync();

        var viewer = new MemberPage(await App.NewPageAsync());
        await viewer.OpenAsync("GRC");
        var card = viewer.Position("ramstein-coordination");
        await Assertions.Expect(card.Locator(".rationale")).ToHaveTextAsync(payload);
        Assert.Contains("<b onmouseover=alert(1)>quoted</b>", await card.Locator("blockquote").InnerTextAsync());
        Assert.Equal(0, await card.Locator("script, img, b").CountAsync());
        Assert.Null(await viewer.Page.EvaluateAsync<int?>("window.__xss ?? null"));
        Assert.Null(await member.Page.EvaluateAsync<int?>("window.__xss ?? null"));
        await viewer.CloseAsync();
        await editorPage.Context.CloseAsync();
    }
}
