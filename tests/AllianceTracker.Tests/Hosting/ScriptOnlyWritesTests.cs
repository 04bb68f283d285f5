using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Hosting;

public sealed class ScriptOnlyWritesTests(ITestOutputHelper output) : FreshAppTest(output)
{
    private static readonly object Stance = new
    {
        member = "SVK", proposal = "ukraine-fund", stance = "supports", effectiveDate = "2024-06-02", reason = "A write from somewhere.",
        evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "An excerpt." } },
    };

    private async Task<string?> SlovakiaAsync() =>
        (string?)(await App.Anonymous().GetFromJsonAsync<JsonArray>("/api/v1/positions?proposal=ukraine-fund"))!.Single(p => (string?)p!["member"] == "SVK")!["stance"];

    [Fact]
    public async Task A_signed_in_editors_write_without_the_script_header_is_refused_and_nothing_is_saved()
    {
        var (_, email) = await App.SignedInAsAsync("Editor");
        var before = await SlovakiaAsync();
        // The same editor's cookie, sent the way a cross-site form would send it: no X-Requested-With.
        var browser = App.AsBrowserForm();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostSignInAsync(email, TestAccounts.Password)).StatusCode);

        var response = await browser.PostAsJsonAsync("/api/v1/stances", Stance);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-Requested-With", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await SlovakiaAsync());
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "member=SVK&stance=supports")]
    [InlineData("multipart/form-data; boundary=x", "--x--")]
    [InlineData("text/plain", "{\"member\":\"SVK\"}")]
    public async Task A_body_that_is_not_json_gets_415(string contentType, string body)
    {
        var editor = await App.SignedInAsync("Editor");
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);

        var response = await editor.PostAsync("/api/v1/stances", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_write_body_over_64_KiB_is_refused_with_413_before_it_is_read()
    {
        var editor = await App.SignedInAsync("Editor");
        var body = "{\"reason\":\"" + new string('x', 70 * 1024) + "\"}";

        var response = await editor.PostAsync("/api/v1/stances", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_import_may_be_larger_than_other_writes_and_reads_numbers_only_as_numbers()
    {
        var admin = await App.SignedInAsync("Admin");
        var dataset = JsonNode.Parse(await App.Anonymous().GetStringAsync("/api/v1/exports/current.json"))!;
        var member = dataset["members"]!.AsArray()[0]!;
        var year = (int)member["joined"]!;
        member["joined"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var padded = dataset.ToJsonString() + new string(' ', 80 * 1024);

        var response = await admin.PostAsync("/api/v1/imports?dryRun=true", new StringContent(padded, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("joined", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_openapi_document_says_every_write_needs_the_script_header_and_no_read_does()
    {
        var document = JsonNode.Parse(await App.Anonymous().GetStringAsync("/openapi/v1.json"))!;

        // Declared once, under components, and referenced from each write (a generator makes one type of it).
        var shared = document["components"]!["parameters"]!["XRequestedWith"]!;
        Assert.Equal("X-Requested-With", (string?)shared["name"]);
        Assert.Equal("header", (string?)shared["in"]);
        Assert.True((bool?)shared["required"]);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var parameters = operation!["parameters"] as JsonArray ?? [];
                Assert.DoesNotContain(parameters, p => (string?)p!["name"] == "X-Requested-With");
                var needsHeader = parameters.Any(p => (string?)p!["$ref"] == "#/components/parameters/XRequestedWith");
                Assert.True(needsHeader == method is "post" or "put" or "patch" or "delete", $"{method} {path}");
            }
        }
    }
}
