using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Summits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Roles = AllianceTracker.Web.Features.Accounts.Roles;

namespace AllianceTracker.EndToEnd.Reading;

/// <summary>
/// One app for the tests that only read (and type into view controls, which change nothing): the
/// seeded data plus an earlier summit, so the dashboard shows its summit picker; and one editor
/// signed in once, whose pages open in the same browser context (they share the sign-in cookie).
/// </summary>
public sealed class ReadingApp : IAsyncLifetime
{
    public const string EarlierSummit = "vilnius-2023";

    /// <summary>A long title, as briefers write them: the compare form lists it and must still fit a phone.</summary>
    public const string SnapshotTitle = "Before the Washington summit: where the allies stood on the fund, Ramstein and the invitation";

    public BrowserApp App { get; } = new();

    /// <summary>A snapshot taken when the app started, for the pages that show one.</summary>
    public string SnapshotId { get; private set; } = "";

    private IBrowserContext? _editor;

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var proposals = App.Services.GetRequiredService<SummitAdministration>();
        await proposals.AddSummitAsync(TestEditors.Editor("fixture-editor"), new SummitInput(
            EarlierSummit, "Vilnius Summit 2023", "Vilnius", new DateOnly(2023, 7, 11), new DateOnly(2023, 7, 12)));
        var snapshot = await App.Services.GetRequiredService<Web.Features.Snapshots.SnapshotService>()
            .CreateAsync(TestEditors.Editor("fixture-editor"), SnapshotTitle, "Taken by the reading tests' fixture.", new DateOnly(2024, 7, 8));
        SnapshotId = snapshot.Id;
        _editor = (await App.SignedInPageAsync(Roles.Editor)).Context;
    }

    /// <summary>A new page for <paramref name="viewer"/>: an anonymous reader (with or without script), or the signed-in editor.</summary>
    public async Task<IPage> PageForAsync(Viewer viewer, int width = 1280, int height = 700) =>
        viewer == Viewer.Editor
            ? await NewEditorPageAsync(width, height)
            : await App.NewPageAsync(width, height, javaScript: viewer == Viewer.Reader);

    private async Task<IPage> NewEditorPageAsync(int width, int height)
    {
        var page = await _editor!.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_editor is not null)
        {
            await _editor.CloseAsync();
        }

        await App.DisposeAsync();
    }
}

/// <summary>Who looks at a page: an anonymous reader whose browser runs scripts, one whose does not, or an editor.</summary>
public enum Viewer
{
    Reader,
    ReaderWithoutScript,
    Editor,
}
