using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using AccountAdministration = AllianceTracker.Web.Features.Accounts.AccountAdministration;
using Roles = AllianceTracker.Web.Features.Accounts.Roles;

namespace AllianceTracker.EndToEnd.Editors;

[Collection(ChangingBrowserCollection.Name)]
public sealed class EditorFlowTests(BrowserApp app)
{
    private const string Password = "a-long-enough-test-passphrase";

    private async Task<string> EditorAsync()
    {
        var email = $"e2e-editor-{Guid.NewGuid():N}@example.org";
        var created = await app.Services.GetRequiredService<AccountAdministration>().CreateTrustedAsync(email, Password, Roles.Editor);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors));
        return email;
    }

    [Fact]
    public async Task An_editor_changes_Slovakias_stance_with_a_new_source_and_an_anonymous_page_shows_it_live()
    {
        var reader = new DashboardPage(await app.NewPageAsync());
        await reader.OpenAsync();
        Assert.Equal(0, await reader.Page.Locator("button.edit-stance").CountAsync());
        var editorPage = new SignInPage(await app.NewPageAsync());
        await editorPage.SignInAsync(await EditorAsync(), Password);
        var dashboard = new DashboardPage(editorPage.Page);
        await dashboard.OpenAsync();

        var dialog = await StanceEditDialog.OpenAsync(dashboard.Page, "SVK", "ukraine-fund");
        await dialog.ChooseStanceAsync("Supports");
        await dialog.FillAsync("edit-reason", "Bratislava announced it will back the fund.");
        await dialog.CiteNewSourceAsync();
        await dialog.FillAsync("edit-source-title", "Slovakia backs NATO Ukraine fund");
        await dialog.FillAsync("edit-source-outlet", "Example Wire");
        await dialog.FillAsync("edit-source-url", "https://example.org/slovakia-fund");
        await dialog.FillAsync("edit-excerpt", "Slovakia will support the proposed fund, the prime minister said.");
        await dialog.SaveAsync();

        await Assertions.Expect(reader.Cell("SVK", "ukraine-fund")).ToHaveAttributeAsync("data-stance", "supports", new() { Timeout = 2000 });
        Assert.Equal("supports", await dashboard.Cell("SVK", "ukraine-fund").GetAttributeAsync("data-stance"));
        var member = new MemberPage(reader.Page);
        await member.OpenAsync("SVK");
        var fund = member.Position("ukraine-fund");
        await Assertions.Expect(fund).ToContainTextAsync("Example Wire");
        Assert.Equal("https://example.org/slovakia-fund", await fund.Locator("cite a").GetAttributeAsync("href"));
        await reader.CloseAsync();
        await editorPage.CloseAsync();
    }

    [Fact]
    public async Task Script_typed_into_a_reason_is_stored_and_shown_as_text_and_never_runs()
    {
        const string payload = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">Bold claim";
        var editorPage = new SignInPage(await app.NewPageAsync());
        await editorPage.SignInAsync(await EditorAsync(), Password);
        var member = new MemberPage(editorPage.Page);
        await member.OpenAsync("GRC");

        var dialog = await StanceEditDialog.OpenAsync(member.Page, "GRC", "ramstein-coordination");
        await dialog.ChooseStanceAsync("Undecided");
        await dialog.FillAsync("edit-reason", payload);
        await dialog.FillAsync("edit-excerpt", "<b onmouseover=alert(1)>quoted</b>");
        await dialog.SaveAsync();

        var viewer = new MemberPage(await app.NewPageAsync());
        await viewer.OpenAsync("GRC");
        var card = viewer.Position("ramstein-coordination");
        await Assertions.Expect(card.Locator(".rationale")).ToHaveTextAsync(payload);
        Assert.Contains("<b onmouseover=alert(1)>quoted</b>", await card.Locator("blockquote").InnerTextAsync());
        Assert.Equal(0, await card.Locator("script, img, b").CountAsync());
        Assert.Null(await viewer.Page.EvaluateAsync<int?>("window.__xss ?? null"));
        Assert.Null(await member.Page.EvaluateAsync<int?>("window.__xss ?? null"));
        await viewer.CloseAsync();
        await editorPage.CloseAsync();
    }
}
