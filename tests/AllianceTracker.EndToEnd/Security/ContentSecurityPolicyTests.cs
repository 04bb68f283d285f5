using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.EndToEnd.Pages;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Security;

/// <summary>
/// The content security policy allows only this site's script files (and Blazor's import map by
/// its hash): the pages must still work under it, with no violation reported by Chromium.
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string ViolationsScript = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    private static async Task<List<string>> WatchAsync(IPage page)
    {
        var messages = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                messages.Add(message.Text);
            }
        };
        await page.AddInitScriptAsync(ViolationsScript);
        return messages;
    }

    private static async Task AssertNoViolationsAsync(IPage page, List<string> messages)
    {
        Assert.Empty(messages);
        Assert.Empty(await page.EvaluateAsync<string[]>("window.__cspViolations"));
    }

    [Fact]
    public async Task A_reader_follows_live_updates_under_the_policy_without_violations()
    {
        var page = await app.NewPageAsync();
        var messages = await WatchAsync(page);
        var dashboard = new DashboardPage(page);

        await dashboard.OpenAsync();

        Assert.Equal("listening", await page.Locator("html").GetAttributeAsync("data-live"));
        // Through Kestrel, as deployed: no Server header names the software.
        var response = await page.APIRequest.GetAsync("/");
        Assert.False(response.Headers.ContainsKey("server"), "a Server header was sent");
        Assert.Contains("frame-ancestors 'none'", response.Headers["content-security-policy"]);
        await AssertNoViolationsAsync(page, messages);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_editor_opens_the_stance_dialog_on_a_circuit_under_the_policy_without_violations()
    {
        var page = await app.SignedInPageAsync("Editor");
        var messages = await WatchAsync(page);
        var member = new MemberPage(page);
        await member.OpenAsync("HUN");

        var dialog = await StanceEditDialog.OpenAsync(page, "HUN", "ukraine-fund");
        await dialog.ChooseStanceAsync("Undecided");

        await AssertNoViolationsAsync(page, messages);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_api_reference_renders_under_its_own_policy_without_violations()
    {
        var page = await app.NewPageAsync();
        var messages = await WatchAsync(page);

        await page.GotoAsync("/scalar/v1");

        await Assertions.Expect(page.GetByText("AllianceTracker API").First).ToBeVisibleAsync();
        await AssertNoViolationsAsync(page, messages);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_editors_circuit_websocket_is_not_compressed()
    {
        // Compressed frames mixing what an editor types with what the page shows are what BREACH-style attacks read.
        var page = await app.SignedInPageAsync("Editor");
        var cdp = await page.Context.NewCDPSessionAsync(page);
        var handshakes = new List<string>();
        cdp.Event("Network.webSocketHandshakeResponseReceived").OnEvent += (_, e) => handshakes.Add(e?.ToString() ?? "");
        await cdp.SendAsync("Network.enable");

        await page.GotoAsync("/members/HUN");
        await page.Locator("[data-interactive='true']").WaitForAsync();

        // The browser offers permessage-deflate; the server's answer takes up no extension.
        Assert.NotEmpty(handshakes);
        Assert.All(handshakes, handshake =>
        {
            var response = System.Text.Json.JsonDocument.Parse(handshake).RootElement.GetProperty("response");
            Assert.Equal(101, response.GetProperty("status").GetInt32());
            Assert.DoesNotContain(response.GetProperty("headers").EnumerateObject(), header => header.NameEquals("Sec-WebSocket-Extensions"));
        });
        await page.Context.CloseAsync();
    }
}
