using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Pages;

/// <summary>
/// The edit dialog an editor opens from a stance cell, used as a person uses it: text typed key by
/// key, dates typed as digits into the date field, options picked from the open list.
/// </summary>
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

    /// <summary>Types <paramref name="value"/> into the field, one key at a time.</summary>
    public Task TypeAsync(string field, string value) => Infrastructure.FormFields.TypeAsync(Dialog, field, value);

    /// <summary>Types the effective date into the date field as digits, month first (en-US), as a person does.</summary>
    public Task TypeEffectiveDateAsync(DateOnly date) => Person.TypeDateAsync(Infrastructure.FormFields.Input(Dialog, "edit-effective"), date, TypingSpeed.Fast);

    /// <summary>Chooses to add evidence to the stance on record instead of recording a new one.</summary>
    public Task ChooseAddEvidenceAsync() => Dialog.GetByText("Add evidence to the stance on record").ClickAsync();

    /// <summary>The same statement also covers the member's proposal titled <paramref name="title"/>.</summary>
    public Task AddProposalAsync(string title) => ChooseFromAsync(Dialog.Locator("[data-testid=statement-add-proposal]"), title);

    /// <summary>The same statement also covers <paramref name="memberName"/> on this proposal.</summary>
    public Task AddMemberAsync(string memberName) => ChooseFromAsync(Dialog.Locator("[data-testid=statement-add-member]"), memberName);

    /// <summary>One more cell of the statement, by member code and proposal slug.</summary>
    public ILocator StatementCell(string member, string proposal) =>
        Dialog.Locator($"[data-testid=statement-cell][data-member='{member}'][data-proposal='{proposal}']");

    public async Task ChooseCellStanceAsync(string member, string proposal, string label)
    {
        var select = StatementCell(member, proposal).Locator("[data-testid=statement-stance]");
        await select.ClickAsync();
        await OpenList.GetByRole(AriaRole.Option).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + label + " —") }).ClickAsync();
        await Assertions.Expect(select).ToContainTextAsync(label);
    }

    /// <summary>The list a MudSelect opens, in its popover.</summary>
    private ILocator OpenList => page.Locator(".mud-popover-open");

    public Task TypeCellConditionsAsync(string member, string proposal, string conditions) =>
        Infrastructure.FormFields.TypeAsync(StatementCell(member, proposal), "statement-conditions", conditions);

    private async Task ChooseFromAsync(ILocator select, string label)
    {
        var before = await Dialog.Locator("[data-testid=statement-cell]").CountAsync();
        await select.ClickAsync();
        // The open list's options (the page behind the dialog has native selects listing the same names).
        await OpenList.GetByRole(AriaRole.Option).Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(label) + "$") }).ClickAsync();
        await Assertions.Expect(Dialog.Locator("[data-testid=statement-cell]")).ToHaveCountAsync(before + 1);
    }

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
