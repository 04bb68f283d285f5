using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.Exchange;

public sealed class ImportApiTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    [Fact]
    public async Task Importing_over_http_needs_an_admin_and_a_refusal_names_the_json_path()
    {
        var export = await App.Anonymous().GetByteArrayAsync("/api/v1/exports/current.json");
        var broken = Encoding.UTF8.GetString(export).Replace("\"stance\":\"opposes\"", "\"stance\":\"blocks\"");
        StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

        var anonymous = await App.Anonymous().PostAsync("/api/v1/imports", Body(broken));
        var editor = await (await App.SignedInAsync("Editor")).PostAsync("/api/v1/imports", Body(broken));
        var admin = await App.SignedInAsync("Admin");
        var refused = await admin.PostAsync("/api/v1/imports?dryRun=false", Body(broken));
        var preview = await admin.PostAsync("/api/v1/imports", Body(Encoding.UTF8.GetString(export)));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        // Every opposing position was broken, and each is reported at its own path.
        var paths = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.NotEmpty(paths);
        Assert.All(paths, path => Assert.Matches(@"^\$\.positions\[\d+\]\.stance$", path));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.False((await preview.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applied").GetBoolean());
    }

    [Fact]
    public async Task A_file_that_is_not_json_at_all_is_a_400_not_a_server_error()
    {
        var admin = await App.SignedInAsync("Admin");

        var response = await admin.PostAsync("/api/v1/imports", new ByteArrayContent([0xFF, 0xFE, 0x00, 0x41]) { Headers = { ContentType = new("application/json") } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not UTF-8", await response.Content.ReadAsStringAsync());
    }
}
