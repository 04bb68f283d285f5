using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Reading;

/// <summary>
/// Every view control, used as people use it: typed into one key at a time (fast and slow) and
/// committed with the visible button, Enter or by leaving the field; picked with the mouse or the
/// keyboard — as a reader with and without script, and as an editor. Each asserts the address, the
/// picture shown, that nothing was applied while typing, and (with script) that the reader stays
/// where they were: same scroll position, focus on what they used, the new view announced.
/// </summary>
public sealed class ViewControlTests(ReadingApp reading) : IClassFixture<ReadingApp>
{
    private static readonly DateOnly PastDate = new(2024, 6, 20);

    // What has focus when nothing on the page does.
    private static readonly string[] NoFocus = ["body", "h1", ""];

    // NoScriptPick: without the page script, a typed date on a side of Compare counts only once
    // "The date below" is picked for that side (the script picks it as the date is typed).
    private sealed record TypedControl(string Address, string Field, string Button, string? Text, DateOnly? Date, string Expected, Func<IPage, Task> ShowsIt, (string Select, string Option)? NoScriptPick = null);

    private static readonly Dictionary<string, TypedControl> Typed = new()
    {
        ["dashboard as-of date"] = new("/", "as-of", "as-of-apply", null, PastDate, "asOf=2024-06-20",
            page => Assertions.Expect(page.Locator("#as-of-help")).ToHaveTextAsync("Picture on 20 June 2024")),
        ["proposal as-of date"] = new("/proposals/ukraine-fund", "as-of", "as-of-apply", null, PastDate, "asOf=2024-06-20",
            page => Assertions.Expect(page.Locator("#consensus-heading")).ToContainTextAsync("20 June 2024")),
        ["member search"] = new("/", "filter-text", "filters-apply", "Pol", null, "q=Pol",
            async page => Assert.Equal(["POL"], await new DashboardPage(page).MemberCodesAsync())),
        ["compare date"] = new("/compare?from=now&to=now", "compare-from-date", "compare-apply", null, new DateOnly(2024, 4, 2), "fromDate=2024-04-02",
            page => Assertions.Expect(page.Locator("[data-testid=compare-heading]")).ToContainTextAsync("2 April 2024 →"),
            NoScriptPick: ("compare-from", "The date below")),
        ["source search"] = new("/sources", "sources-search", "sources-apply", "ICARO", null, "q=ICARO",
            page => Assertions.Expect(page.Locator("[data-testid=sources-count]")).ToHaveTextAsync("1 source")),
    };

    private sealed record ChosenControl(string Address, string Select, string Option, string Button, string Expected, Func<IPage, Task> ShowsIt);

    private static Func<IPage, Task> Counts(int shown) =>
        page => Assertions.Expect(page.Locator("[data-testid=matrix-count]")).ToHaveTextAsync($"Showing {shown} of 32 members");

    private static readonly Dictionary<string, ChosenControl> Chosen = new()
    {
        ["region"] = new("/", "filter-region", "Northern Europe", "filters-apply", "region=Northern+Europe", Counts(9)),
        ["EU"] = new("/", "filter-eu", "Not in the EU", "filters-apply", "eu=no", Counts(9)),
        ["Bucharest Nine"] = new("/", "filter-b9", "B9 members", "filters-apply", "b9=yes", Counts(9)),
        ["stance"] = new("/", "filter-stance", "Opposes", "filters-apply", "stance=opposes", Counts(1)),
        ["sort"] = new("/", "filter-sort", "Year joined", "filters-apply", "sort=joined",
            async page => Assert.Equal("BEL", (await new DashboardPage(page).MemberCodesAsync())[0])),
        ["proposal for the stance filter"] = new("/?stance=opposes", "filter-on", "Membership invitation for Ukraine", "filters-apply", "on=membership-invitation",
            async page => Assert.Equal(["DEU", "USA"], await new DashboardPage(page).MemberCodesAsync())),
        ["summit"] = new("/", "summit-picker", "Vilnius Summit 2023 (11–12 July 2023)", "summit-apply", $"summit={ReadingApp.EarlierSummit}",
            page => Assertions.Expect(page.Locator("#summit-heading")).ToHaveTextAsync("Vilnius Summit 2023, Vilnius")),
        ["compare side"] = new("/compare?from=2024-04-02&to=now", "compare-from", "Now", "compare-apply", "from=now",
            page => Assertions.Expect(page.Locator("[data-testid=compare-heading]")).ToContainTextAsync("now (")),
        ["source kind"] = new("/sources", "sources-kind", "News report", "sources-apply", "kind=news-report",
            page => Assertions.Expect(page.Locator("[data-testid=sources-count]")).ToHaveTextAsync("1 source")),
    };

    public static TheoryData<string, Viewer, TypingSpeed, Commit> TypedCases()
    {
        var cases = new TheoryData<string, Viewer, TypingSpeed, Commit>();
        foreach (var control in Typed.Keys)
        {
            foreach (var viewer in new[] { Viewer.Reader, Viewer.Editor })
            {
                cases.Add(control, viewer, TypingSpeed.Fast, Commit.Button);
                cases.Add(control, viewer, TypingSpeed.Fast, Commit.Enter);
                cases.Add(control, viewer, TypingSpeed.Fast, Commit.Leave);
                cases.Add(control, viewer, TypingSpeed.Slow, Commit.Button);
            }

            // Without a script a field applies only when its form is submitted.
            cases.Add(control, Viewer.ReaderWithoutScript, TypingSpeed.Fast, Commit.Button);
            cases.Add(control, Viewer.ReaderWithoutScript, TypingSpeed.Slow, Commit.Enter);
        }

        return cases;
    }

    public static TheoryData<string, Viewer, string> ChosenCases()
    {
        var cases = new TheoryData<string, Viewer, string>();
        foreach (var control in Chosen.Keys)
        {
            cases.Add(control, Viewer.Reader, "mouse");
            cases.Add(control, Viewer.Editor, "mouse");
            cases.Add(control, Viewer.ReaderWithoutScript, "mouse, then the button");
        }

        cases.Add("region", Viewer.Reader, "keyboard");
        cases.Add("region", Viewer.Editor, "keyboard");
        return cases;
    }

    [Theory]
    [MemberData(nameof(TypedCases))]
    public async Task A_typed_view_control_applies_once_committed_and_never_while_typing(string control, Viewer viewer, TypingSpeed speed, Commit commit)
    {
        var spec = Typed[control];
        var page = await OpenAsync(viewer, spec.Address);
        var person = new Person(page);
        var field = page.Locator($"[data-testid={spec.Field}]");
        var before = await ArrangeScrollAsync(person, field, viewer);
        var navigations = CountNavigations(page);
        if (viewer == Viewer.ReaderWithoutScript && spec.NoScriptPick is var (select, option))
        {
            await Person.ChooseWithMouseAsync(page.Locator($"[data-testid={select}]"), option);
        }

        if (spec.Date is { } date)
        {
            await Person.TypeDateAsync(field, date, speed);
        }
        else
        {
            await person.TypeAsync(field, spec.Text!, speed);
        }

        // Typed, not committed: the page has not moved, however long the typing took.
        Assert.Empty(navigations);
        Assert.DoesNotContain(spec.Expected, page.Url, StringComparison.Ordinal);

        await person.CommitAsync(field, page.Locator($"[data-testid={spec.Button}]"), commit);
        var focusedAfterCommit = await person.FocusedAsync();
        await new DashboardPage(page).WaitForAddressAsync(spec.Expected);
        await spec.ShowsIt(page);
        if (viewer != Viewer.ReaderWithoutScript)
        {
            await AssertStayedAsync(person, before, focusedAfterCommit, expectedFocus: commit switch
            {
                Commit.Button => spec.Button,
                Commit.Enter => spec.Field,
                _ => null,
            });
        }

        await page.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(ChosenCases))]
    public async Task A_picked_view_control_applies(string control, Viewer viewer, string how)
    {
        var spec = Chosen[control];
        var page = await OpenAsync(viewer, spec.Address);
        var person = new Person(page);
        var select = page.Locator($"[data-testid={spec.Select}]");
        var before = await ArrangeScrollAsync(person, select, viewer);

        if (how == "keyboard")
        {
            // Each arrow picks the next option, and each pick applies: wait for it before the next.
            await person.ChooseWithKeyboardAsync(select, spec.Option, () => new DashboardPage(page).WaitUntilSettledAsync());
        }
        else
        {
            await Person.ChooseWithMouseAsync(select, spec.Option);
        }

        if (viewer == Viewer.ReaderWithoutScript)
        {
            await page.Locator($"[data-testid={spec.Button}]").ClickAsync();
        }

        await new DashboardPage(page).WaitForAddressAsync(spec.Expected);
        await spec.ShowsIt(page);
        if (viewer != Viewer.ReaderWithoutScript)
        {
            await AssertStayedAsync(person, before, focusedAfterCommit: spec.Select, expectedFocus: spec.Select);
        }

        await page.CloseAsync();
    }

    private async Task<IPage> OpenAsync(Viewer viewer, string address)
    {
        var page = await reading.PageForAsync(viewer);
        await page.GotoAsync(address);
        if (viewer == Viewer.Editor)
        {
            await page.Locator("[data-interactive='true']").WaitForAsync();
        }
        else if (viewer == Viewer.Reader)
        {
            await page.Locator("html[data-live='listening']").WaitForAsync();
        }

        return page;
    }

    // The control a third of the way down the window, so that a jump to the top would show.
    private static async Task<int> ArrangeScrollAsync(Person person, ILocator control, Viewer viewer)
    {
        if (viewer == Viewer.ReaderWithoutScript)
        {
            return 0;
        }

        await Person.ScrollSoThatAsync(control, fromTop: 250);
        return await person.ScrollYAsync();
    }

    private static async Task AssertStayedAsync(Person person, int scrollBefore, string focusedAfterCommit, string? expectedFocus)
    {
        var page = new DashboardPage(person.Page);
        await page.Page.WaitForFunctionAsync("() => !document.documentElement.dataset.navigating");
        var summary = await page.Page.Locator("[data-view-summary]").First.GetAttributeAsync("data-view-summary");
        Assert.False(string.IsNullOrEmpty(summary));
        // The new view, said to screen readers: by the page script for readers, the circuit for editors.
        await Assertions.Expect(page.Page.Locator("#live-announcer")).ToHaveTextAsync(summary!);
        // Where the reader was, unless the new view is too short to scroll that far.
        var furthest = await page.Page.EvaluateAsync<int>("Math.round(document.documentElement.scrollHeight - window.innerHeight)");
        var expected = Math.Min(scrollBefore, furthest);
        Assert.InRange(await person.ScrollYAsync(), expected - 2, expected + 2);
        var focused = await person.FocusedAsync();
        Assert.Equal(expectedFocus ?? focusedAfterCommit, focused);
        Assert.DoesNotContain(focused, NoFocus);
    }

    private static List<string> CountNavigations(IPage page)
    {
        var navigations = new List<string>();
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame)
            {
                navigations.Add(frame.Url);
            }
        };
        return navigations;
    }
}
