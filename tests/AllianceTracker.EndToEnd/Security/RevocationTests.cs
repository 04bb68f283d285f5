using System.Diagnostics;
using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.EndToEnd.Security;

/// <summary>
/// Taking an editor's access away reaches every path within one session-check interval (here 5 s,
/// in production at most a minute): an editor page open before, a page opened after with the old
/// cookie (checked as its circuit opens, not an interval later), and the API.
/// </summary>
public sealed class RevocationTests : IAsyncLifetime
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly BrowserApp _app = BrowserApp.With(new Dictionary<string, string> { ["Access:SessionCheckInterval"] = "00:00:05" });

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Theory]
    [InlineData("sign out everywhere")]
    [InlineData("disable")]
    [InlineData("remove the editor role")]
    public async Task Every_path_of_a_revoked_editor_is_refused_within_the_interval(string revocation)
    {
        var before = await _app.SignedInPageAsync(Roles.Editor);
        await before.GotoAsync("/news");
        await before.Locator("[data-interactive='true']").WaitForAsync();
        var accounts = _app.Services.GetRequiredService<AccountAdministration>();
        var email = (await accounts.ListAsync(TestEditors.Admin())).Single(a => a.Roles.Contains(Roles.Editor)).Email;
        var id = (await accounts.FindIdByEmailAsync(email))!;

        var result = revocation switch
        {
            "sign out everywhere" => await accounts.RevokeSessionsAsync(TestEditors.Admin(), id),
            "disable" => await accounts.SetDisabledAsync(TestEditors.Admin(), id, disabled: true),
            _ => await accounts.SetRoleAsync(TestEditors.Admin(), id, Roles.Editor, member: false),
        };
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var revoked = Stopwatch.StartNew();

        // A page opened now with the old cookie (copied, or in another tab): the request is let in
        // (the cookie was checked less than an interval ago), the circuit checks as it opens.
        var after = await before.Context.NewPageAsync();
        await after.GotoAsync("/news");
        await after.WaitForURLAsync("**/account/sign-in**", new() { Timeout = 15_000 });
        var newPageRefusedAfter = revoked.Elapsed;

        // The page open before, and the API with the same cookie.
        await before.WaitForURLAsync("**/account/sign-in**", new() { Timeout = 15_000 });
        var openPageRefusedAfter = revoked.Elapsed;
        while ((await before.APIRequest.PostAsync("/api/v1/snapshots", new()
        {
            Headers = new Dictionary<string, string> { ["X-Requested-With"] = "XMLHttpRequest" },
            DataObject = new { title = "Written after revocation?" },
        })).Status != 401)
        {
            Assert.True(revoked.Elapsed < Interval * 3, "the API still took the revoked cookie");
            await Task.Delay(250);
        }

        var apiRefusedAfter = revoked.Elapsed;
        Assert.True(newPageRefusedAfter < Interval, $"a page opened after was refused only after {newPageRefusedAfter.TotalSeconds:0.0} s");
        Assert.True(openPageRefusedAfter < Interval + TimeSpan.FromSeconds(3), $"the open page was refused only after {openPageRefusedAfter.TotalSeconds:0.0} s");
        Assert.True(apiRefusedAfter < Interval + TimeSpan.FromSeconds(3), $"the API was refused only after {apiRefusedAfter.TotalSeconds:0.0} s");
        await before.Context.CloseAsync();
    }
}
