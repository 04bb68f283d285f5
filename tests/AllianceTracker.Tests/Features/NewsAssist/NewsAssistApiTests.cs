using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.NewsAssist;

public sealed class NewsAssistApiTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    private static object Source => new { title = "Allies split on the fund", outlet = "Test Wire", published = "2024-06-20", kind = "news-report" };

    [Fact]
    public async Task An_editor_gets_suggestions_with_excerpts_and_the_current_stance_and_nothing_is_written()
    {
        var editor = await App.SignedInAsync("Editor");
        var before = await App.Anonymous().GetStringAsync("/api/v1/positions");

        using var response = await editor.PostAsJsonAsync("/api/v1/news/suggestions", new
        {
            text = "Norway said on Tuesday it supports the €100bn fund for Ukraine. Hungary still rejects the fund.",
            source = Source,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var suggestions = body.GetProperty("suggestions").EnumerateArray().ToDictionary(s => s.GetProperty("member").GetString()!);
        Assert.Equal("supports", suggestions["NOR"].GetProperty("stance").GetString());
        Assert.Equal("unknown", suggestions["NOR"].GetProperty("currentStance").GetString());
        Assert.Equal("Norway said on Tuesday it supports the €100bn fund for Ukraine.", suggestions["NOR"].GetProperty("excerpt").GetString());
        Assert.Equal("opposes", suggestions["HUN"].GetProperty("stance").GetString());
        Assert.Equal("opposes", suggestions["HUN"].GetProperty("currentStance").GetString());
        Assert.Equal(2, body.GetProperty("sentences").GetArrayLength());
        Assert.Equal(before, await App.Anonymous().GetStringAsync("/api/v1/positions"));
    }

    [Fact]
    public async Task Pasted_html_is_read_as_paragraphs_and_its_scripts_are_dropped_not_quoted()
    {
        var editor = await App.SignedInAsync("Editor");
        using var response = await editor.PostAsJsonAsync("/api/v1/news/suggestions", new
        {
            text = "<p>Denmark <b>welcomed</b> the Ukraine fund.</p><script>alert(1)</script>",
            source = Source,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var suggestion = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("suggestions")[0];
        Assert.Equal("Denmark welcomed the Ukraine fund.", suggestion.GetProperty("excerpt").GetString());
    }

    [Fact]
    public async Task An_ally_named_without_stance_wording_comes_back_as_unread_with_its_cell()
    {
        var editor = await App.SignedInAsync("Editor");
        using var response = await editor.PostAsJsonAsync("/api/v1/news/suggestions", new
        {
            text = "Denmark welcomed the Ukraine fund. Norway's view of the Ukraine fund was the talk of the corridors.",
            source = Source,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["DNK"], body.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("member").GetString()));
        var unread = Assert.Single(body.GetProperty("unread").EnumerateArray());
        Assert.Equal("NOR", unread.GetProperty("member").GetString());
        Assert.Equal("ukraine-fund", unread.GetProperty("proposal").GetString());
        Assert.Equal("Norway's view of the Ukraine fund was the talk of the corridors.", unread.GetProperty("excerpt").GetString());
        Assert.Equal("Norway", unread.GetProperty("namedAs").GetString());
        Assert.Equal(JsonValueKind.String, unread.GetProperty("currentStance").ValueKind);
    }

    [Fact]
    public async Task A_german_text_gets_no_suggestion_and_a_message_naming_the_language()
    {
        var editor = await App.SignedInAsync("Editor");
        using var response = await editor.PostAsJsonAsync("/api/v1/news/suggestions", new
        {
            text = "Ungarn lehnt den Ukraine-Fonds der NATO ab. Die Regierung in Budapest sagte, sie werde sich nicht an der Mission beteiligen, aber den Beschluss nicht blockieren.",
            source = Source,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, body.GetProperty("suggestions").GetArrayLength());
        Assert.Equal("German", body.GetProperty("language").GetString());
        Assert.Contains("reads English only", body.GetProperty("whyNothing").GetString());
    }

    [Theory]
    [InlineData("", "news-report", "text")]
    [InlineData("Hungary rejects the fund.", "rumour", "source.kind")]
    [InlineData("Hungary rejects\u0007 the fund.", "news-report", "text")]
    [InlineData("Hungary rejects\u0000 the fund.", "news-report", "text")]
    public async Task Bad_input_is_a_400_naming_the_field(string text, string kind, string field)
    {
        var editor = await App.SignedInAsync("Editor");
        using var response = await editor.PostAsJsonAsync("/api/v1/news/suggestions", new
        {
            text,
            source = new { title = "T", outlet = "O", published = "2024-06-20", kind },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_text_over_100_KB_is_a_400_not_a_413()
    {
        var editor = await App.SignedInAsync("Editor");
        using var response = await editor.PostAsJsonAsync("/api/v1/news/suggestions", new { text = new string('a', 101 * 1024), source = Source });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("100 KB", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readers_cannot_ask_for_suggestions()
    {
        var reader = await App.SignedInAsync(null);
        using var response = await reader.PostAsJsonAsync("/api/v1/news/suggestions", new { text = "Hungary rejects the fund.", source = Source });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
