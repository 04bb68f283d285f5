using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Pages;

/// <summary>How fast a person types: a practised typist, and someone looking for each key.</summary>
public enum TypingSpeed
{
    Fast = 40,
    Slow = 400,
}

/// <summary>How a person commits what they typed into a field.</summary>
public enum Commit
{
    /// <summary>Clicks the form's visible button.</summary>
    Button,

    /// <summary>Presses Enter in the field.</summary>
    Enter,

    /// <summary>Tabs out of the field to the next control.</summary>
    Leave,
}

/// <summary>
/// What a person does with a page, and nothing a person cannot: types one key at a time, clicks what
/// is visible, tabs, picks options. No field is filled in one call, and nothing is submitted with
/// Enter unless Enter is what the test is about.
/// </summary>
public sealed class Person(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>Clicks into the field, selects what is there, and types <paramref name="text"/> key by key.</summary>
    public async Task TypeAsync(ILocator field, string text, TypingSpeed speed)
    {
        await field.ClickAsync();
        await Page.Keyboard.PressAsync("Control+A");
        await field.PressSequentiallyAsync(text, new() { Delay = (int)speed });
    }

    /// <summary>
    /// Types a date into a browser date field as a person does in en-US: click the month part, then
    /// the digits, month, day and year (the field moves on by itself), e.g. 0, 6, 2, 0, 2, 0, 2, 4.
    /// </summary>
    public static async Task TypeDateAsync(ILocator field, DateOnly date, TypingSpeed speed)
    {
        await field.ClickAsync(new() { Position = new Position { X = 8, Y = 10 } });
        await field.PressSequentiallyAsync(date.ToString("MMddyyyy", System.Globalization.CultureInfo.InvariantCulture), new() { Delay = (int)speed });
    }

    /// <summary>Commits the field <paramref name="field"/> the way <paramref name="commit"/> says.</summary>
    public async Task CommitAsync(ILocator field, ILocator button, Commit commit)
    {
        switch (commit)
        {
            case Commit.Button:
                await button.ClickAsync();
                break;
            case Commit.Enter:
                await field.PressAsync("Enter");
                break;
            case Commit.Leave:
                await LeaveAsync(field);
                break;
        }
    }

    /// <summary>Presses Tab until focus leaves the field (a date field's parts and calendar button take a Tab each).</summary>
    public async Task LeaveAsync(ILocator field)
    {
        for (var presses = 0; presses < 6 && await field.EvaluateAsync<bool>("f => document.activeElement === f"); presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
        }
    }

    /// <summary>Picks an option with the mouse: click the list, then the option.</summary>
    public static async Task ChooseWithMouseAsync(ILocator select, string label)
    {
        await select.ClickAsync();
        await select.SelectOptionAsync(new SelectOptionValue { Label = label });
    }

    /// <summary>Picks an option with the keyboard: focus the list, then arrow down to it (each arrow chooses the next option).</summary>
    public async Task ChooseWithKeyboardAsync(ILocator select, string label, Func<Task> afterEachKey)
    {
        await select.FocusAsync();
        for (var presses = 0; presses < 40; presses++)
        {
            var chosen = await select.EvaluateAsync<string>("s => s.options[s.selectedIndex].label");
            if (chosen == label)
            {
                return;
            }

            await Page.Keyboard.PressAsync("ArrowDown");
            await afterEachKey();
        }

        throw new InvalidOperationException($"No option '{label}' below the chosen one.");
    }

    public Task<int> ScrollYAsync() => Page.EvaluateAsync<int>("Math.round(window.scrollY)");

    /// <summary>The focused element's test id, id or tag: what a keyboard user is on.</summary>
    public Task<string> FocusedAsync() => Page.EvaluateAsync<string>(
        "(() => { const e = document.activeElement; return e?.dataset?.testid || e?.id || e?.tagName.toLowerCase() || ''; })()");

    /// <summary>Scrolls so that <paramref name="element"/> sits <paramref name="fromTop"/> pixels below the top of the window.</summary>
    public static Task ScrollSoThatAsync(ILocator element, int fromTop) =>
        element.EvaluateAsync("(e, top) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - top)", fromTop);
}
