using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Pages;

/// <summary>The edit dialog an editor opens from a stance cell.</summary>
public sealed class StanceEditDialog(IPage page)
{
    public ILocator Dialog => page.Locator(".mud-dialog");

    public static async Task<StanceEditDialog> OpenAsync(IPage page, string member, string proposal)
    {
        await page.Locator($"button.edit-stance[data-member='{member}'][data-proposal='{proposal}']").First.ClickAsync();
        var dialog = new StanceEditDialog(page);
        await dialog.Dialog.Locator("[data-testid=edit-save]").WaitForAsync();
        return dialog;
    }

    public async Task ChooseStanceAsync(string label)
    {
        await Dialog.Locator("[data-testid=edit-stance]").ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + label + " —") }).ClickAsync();
    }

    /// <summary>Picks a listed source for the <paramref name="item"/>th piece of evidence (1-based) by its title.</summary>
    public async Task ChooseSourceAsync(string titleContains, int item = 1)
    {
        var select = Dialog.Locator($"[data-testid=edit-source{(item == 1 ? "" : $"-{item}")}]");
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = titleContains }).First.ClickAsync();
        // The choice reaches the circuit before the next field is filled (a save would otherwise find no source).
        await Assertions.Expect(select).ToContainTextAsync(titleContains);
    }

    /// <summary>Says what kind of source a new source is ("News report", "Declaration", …).</summary>
    public async Task ChooseSourceKindAsync(string label, int item = 1)
    {
        var select = Dialog.Locator($"[data-testid=edit-source-kind{(item == 1 ? "" : $"-{item}")}]");
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + label + "$") }).ClickAsync();
        await Assertions.Expect(select).ToContainTextAsync(label);
    }

    public Task FillAsync(string field, string value) => Dialog.Locator($"[data-testid={field}]").FillAsync(value);

    public Task CiteNewSourceAsync() => Dialog.GetByText("Cite a source that is not listed yet").ClickAsync();

    /// <summary>Clicks Save and leaves the dialog open for what follows (an error, a conflict).</summary>
    public Task ClickSaveAsync() => Dialog.Locator("[data-testid=edit-save]").ClickAsync();

    public ILocator Conflict => Dialog.Locator("[data-testid=conflict]");

    /// <summary>Re-applies the editor's change on top of what another save wrote, and waits for the dialog to close.</summary>
    public async Task ReapplyAsync()
    {
        await Dialog.Locator("[data-testid=reapply]").ClickAsync();
        await Dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    public async Task SaveAsync()
    {
        await Dialog.Locator("[data-testid=edit-save]").ClickAsync();
        await Dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }
}
