using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Infrastructure;

/// <summary>MudBlazor fields by their test id, used as an editor uses them: typed key by key, picked from the open list.</summary>
public static class FormFields
{
    /// <summary>The input: MudBlazor puts the test id on the input, or on a wrapper around it.</summary>
    public static ILocator Input(ILocator scope, string testId) =>
        scope.Locator($"input[data-testid={testId}], textarea[data-testid={testId}], [data-testid={testId}] input, [data-testid={testId}] textarea").First;

    /// <summary>
    /// Types <paramref name="value"/> into the field one key at a time (what was there selected and
    /// typed over); a date field gets the date's digits, month first, as a person types them in en-US.
    /// </summary>
    public static async Task TypeAsync(ILocator scope, string testId, string value)
    {
        var input = Input(scope, testId);
        var person = new Person(scope.Page);
        if (await input.GetAttributeAsync("type") == "date")
        {
            await Person.TypeDateAsync(input, DateOnly.ParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), TypingSpeed.Fast);
            return;
        }

        await person.TypeAsync(input, value, TypingSpeed.Fast);
        if (value.Length == 0)
        {
            await scope.Page.Keyboard.PressAsync("Backspace");
        }
    }

    public static Task TypeAsync(IPage page, string testId, string value) => TypeAsync(page.Locator("body"), testId, value);

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
