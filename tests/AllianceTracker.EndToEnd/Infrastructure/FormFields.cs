using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Infrastructure;

/// <summary>Filling MudBlazor fields by their test id, as an editor types and picks.</summary>
public static class FormFields
{
    /// <summary>Types into the field: MudBlazor puts the test id on the input, or on a wrapper around it.</summary>
    public static Task FillAsync(ILocator scope, string testId, string value) =>
        scope.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First.FillAsync(value);

    public static Task FillAsync(IPage page, string testId, string value) => FillAsync(page.Locator("body"), testId, value);

    /// <summary>Opens the select and picks the option; returns once the choice has reached the circuit.</summary>
    public static async Task ChooseAsync(IPage page, string testId, string option)
    {
        var select = page.Locator($"[data-testid={testId}]").First;
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option).Filter(new() { HasText = option }).First.ClickAsync();
        // The choice has reached the circuit before the next field is filled.
        await Assertions.Expect(select).ToContainTextAsync(option);
    }
}
