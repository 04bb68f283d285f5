using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AllianceTracker.Tests.Features.Accounts;
using AllianceTracker.Tests.Support;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.NewsAssist;

/// <summary>Saving reviewed suggestions: one step, the one write path, the source once, the versions checked, the origin kept.</summary>
public sealed class NewsAcceptanceTests(ITestOutputHelper output) : FreshAppTest<AccountsAppFactory>(output)
{
    private const string Text =
        "Norway said on Tuesday it supports the €100bn fund for Ukraine. Denmark welcomed the fund as well. "
        + "Meanwhile, Spain has reservations about the Ramstein handover, provided that the U.S. stays involved.";

    private static object Source(string? url = "https://news.example/allies-fund") =>
        new { title = "Allies line up behind the fund", outlet = "Test Wire", published = "2024-06-20", kind = "news-report", url };

    [Fact]
    public async Task Accepted_suggestions_are_saved_in_one_step_citing_one_new_source_and_marked_as_from_the_assist()
    {
        var editor = await App.SignedInAsync("Editor");
        var suggestions = await SuggestAsync(editor, Text, Source());
        var norway = suggestions["NOR:ukraine-fund"];
        var denmark = suggestions["DNK:ukraine-fund"];

        using var response = await editor.PostAsJsonAsync("/api/v1/news/acceptances", new
        {
            text = Text,
            source = Source(),
            stances = new object[]
            {
                Accept(norway),
                // Edited: the excerpt cut to the words that say it, a date of the editor's own.
                new { member = "DNK", proposal = "ukraine-fund", stance = "supports", excerpt = "Denmark welcomed the fund", effectiveDate = "2024-06-19", expectedVersion = Version(denmark) },
            },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(saved.GetProperty("sourceAdded").GetBoolean());
        var sourceKey = saved.GetProperty("source").GetString()!;
        Assert.Equal($"/api/v1/sources/{sourceKey}", response.Headers.Location?.OriginalString);
        var recorded = saved.GetProperty("recorded").EnumerateArray().ToList();
        Assert.Equal(["DNK", "NOR"], recorded.Select(r => r.GetProperty("member").GetString()).Order());

        var positions = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/positions?proposal=ukraine-fund&member=NOR");
        Assert.Contains("\"supports\"", positions.ToString());
        foreach (var entry in recorded)
        {
            var stance = await App.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/stances/{entry.GetProperty("id").GetInt64()}");
            Assert.Equal("news-assist", stance.GetProperty("origin").GetString());
            var evidence = Assert.Single(stance.GetProperty("evidence").EnumerateArray());
            Assert.Equal(sourceKey, evidence.GetProperty("source").GetProperty("key").GetString());
        }

        var danish = await App.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/stances/{recorded.Single(r => r.GetProperty("member").GetString() == "DNK").GetProperty("id").GetInt64()}");
        Assert.Equal("2024-06-19", danish.GetProperty("effectiveDate").GetString());
        Assert.Equal("Denmark welcomed the fund", danish.GetProperty("evidence")[0].GetProperty("excerpt").GetString());
        var norwegian = await App.Anonymous().GetFromJsonAsync<JsonElement>($"/api/v1/stances/{recorded.Single(r => r.GetProperty("member").GetString() == "NOR").GetProperty("id").GetInt64()}");
        Assert.Equal("2024-06-20", norwegian.GetProperty("effectiveDate").GetString());
        Assert.Equal("As Test Wire reported: Norway supports.", norwegian.GetProperty("rationale").GetString());

        var audit = await editor.GetStringAsync("/audit?member=NOR");
        Assert.Contains("via the news assist", audit);
    }

    [Fact]
    public async Task The_same_article_accepted_again_cites_the_source_already_on_record()
    {
        var editor = await App.SignedInAsync("Editor");
        var first = await SuggestAsync(editor, Text, Source());
        using (var saved = await editor.PostAsJsonAsync("/api/v1/news/acceptances", new { text = Text, source = Source(), stances = new[] { Accept(first["NOR:ukraine-fund"]) } }))
        {
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        }

        var second = await SuggestAsync(editor, Text, Source());
        using var again = await editor.PostAsJsonAsync("/api/v1/news/acceptances", new { text = Text, source = Source(), stances = new[] { Accept(second["DNK:ukraine-fund"]) } });

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(body.GetProperty("sourceAdded").GetBoolean());
        var sources = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/sources");
        var cited = Assert.Single(sources.EnumerateArray(), s => s.GetProperty("source").GetProperty("title").GetString() == "Allies line up behind the fund");
        Assert.Equal(2, cited.GetProperty("citedByStances").GetInt32());
    }

    [Fact]
    public async Task A_cell_changed_after_the_text_was_read_is_a_409_and_nothing_is_saved()
    {
        var editor = await App.SignedInAsync("Editor");
        var suggestions = await SuggestAsync(editor, Text, Source());
        // Another editor records Norway in between.
        using (var other = await editor.PostAsJsonAsync("/api/v1/stances", new
        {
            member = "NOR", proposal = "ukraine-fund", stance = "undecided", effectiveDate = "2024-06-18", reason = "Still weighing it",
            evidence = new[] { new { source = "icaro-2024-04-stoltenberg-ukraine-fund", excerpt = "Norway" } },
            expectedVersion = Version(suggestions["NOR:ukraine-fund"]),
        }))
        {
            Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        }

        var sourcesBefore = (await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/sources")).GetArrayLength();
        using var response = await editor.PostAsJsonAsync("/api/v1/news/acceptances", new
        {
            text = Text,
            source = Source(),
            stances = new[] { Accept(suggestions["DNK:ukraine-fund"]), Accept(suggestions["NOR:ukraine-fund"]) },
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var conflict = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("NOR", conflict.GetProperty("member").GetString());
        Assert.Equal("undecided", conflict.GetProperty("currentStance").GetString());
        var denmark = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/positions?proposal=ukraine-fund&member=DNK");
        Assert.DoesNotContain("\"supports\"", denmark.ToString());
        Assert.Equal(sourcesBefore, (await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/sources")).GetArrayLength());
    }

    [Theory]
    [InlineData("Denmark embraced the fund", "stances[0].excerpt")] // not in the text
    [InlineData("", "stances[0].excerpt")]
    public async Task An_excerpt_that_is_not_the_texts_words_is_refused(string excerpt, string field)
    {
        var editor = await App.SignedInAsync("Editor");
        var suggestions = await SuggestAsync(editor, Text, Source());

        using var response = await editor.PostAsJsonAsync("/api/v1/news/acceptances", new
        {
            text = Text,
            source = Source(),
            stances = new[] { new { member = "DNK", proposal = "ukraine-fund", stance = "supports", excerpt, expectedVersion = Version(suggestions["DNK:ukraine-fund"]) } },
        });

        await AssertRefusedAsync(response, field);
    }

    [Fact]
    public async Task An_excerpt_over_40_words_is_refused_though_it_is_verbatim()
    {
        var editor = await App.SignedInAsync("Editor");
        var longText = "Denmark welcomed the fund, " + string.Join(" ", Enumerable.Repeat("adding that the allies must act together", 7)) + ".";
        var suggestions = await SuggestAsync(editor, longText, Source());
        var denmark = suggestions["DNK:ukraine-fund"];
        // The assist itself quotes at most 40 words (the clause); an editor who widens it to the whole sentence is refused.
        Assert.InRange(Web.Features.NewsAssist.NewsText.WordCount(denmark.GetProperty("excerpt").GetString()!), 1, 40);

        using var response = await editor.PostAsJsonAsync("/api/v1/news/acceptances", new
        {
            text = longText,
            source = Source(),
            stances = new[] { new { member = "DNK", proposal = "ukraine-fund", stance = "supports", excerpt = longText, expectedVersion = Version(denmark) } },
        });

        var problem = await AssertRefusedAsync(response, "stances[0].excerpt");
        Assert.Contains("at most 40", problem);
    }

    [Fact]
    public async Task Conditions_are_required_for_a_conditional_stance_and_keyed_to_the_suggestion()
    {
        var editor = await App.SignedInAsync("Editor");
        var suggestions = await SuggestAsync(editor, Text, Source());
        var spain = suggestions["ESP:ramstein-coordination"];
        Assert.Equal("conditional", spain.GetProperty("stance").GetString());

        using var response = await editor.PostAsJsonAsync("/api/v1/news/acceptances", new
        {
            text = Text,
            source = Source(),
            stances = new object[]
            {
                Accept(suggestions["NOR:ukraine-fund"]),
                new { member = "ESP", proposal = "ramstein-coordination", stance = "conditional", excerpt = spain.GetProperty("excerpt").GetString(), conditions = "", expectedVersion = Version(spain) },
            },
        });

        await AssertRefusedAsync(response, "stances[1].conditions");
        var norway = await App.Anonymous().GetFromJsonAsync<JsonElement>("/api/v1/positions?proposal=ukraine-fund&member=NOR");
        Assert.DoesNotContain("\"supports\"", norway.ToString());
    }

    [Fact]
    public async Task Nothing_accepted_a_source_without_a_date_and_an_unknown_stance_are_each_named()
    {
        var editor = await App.SignedInAsync("Editor");

        using (var none = await editor.PostAsJsonAsync("/api/v1/news/acceptances", new { text = Text, source = Source(), stances = Array.Empty<object>() }))
        {
            await AssertRefusedAsync(none, "stances");
        }

        using var undated = await editor.PostAsJsonAsync("/api/v1/news/acceptances", new
        {
            text = Text,
            source = new { title = "Undated", outlet = "Test Wire", kind = "news-report" },
            stances = new[] { new { member = "DNK", proposal = "ukraine-fund", stance = "backs", excerpt = "Denmark welcomed the fund" } },
        });
        var problem = await AssertRefusedAsync(undated, "stances[0].effectiveDate");
        Assert.Contains("stances[0].stance", problem);
    }

    [Fact]
    public async Task Readers_cannot_accept_suggestions()
    {
        var reader = await App.SignedInAsync(null);
        using var response = await reader.PostAsJsonAsync("/api/v1/news/acceptances", new
        {
            text = Text,
            source = Source(),
            stances = new[] { new { member = "DNK", proposal = "ukraine-fund", stance = "supports", excerpt = "Denmark welcomed the fund" } },
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<Dictionary<string, JsonElement>> SuggestAsync(HttpClient editor, string text, object source)
    {
        using var response = await editor.PostAsJsonAsync("/api/v1/news/suggestions", new { text, source });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("suggestions").EnumerateArray()
            .ToDictionary(s => $"{s.GetProperty("member").GetString()}:{s.GetProperty("proposal").GetString()}");
    }

    private static Guid? Version(JsonElement suggestion) =>
        suggestion.GetProperty("version").ValueKind == JsonValueKind.Null ? null : suggestion.GetProperty("version").GetGuid();

    /// <summary>The suggestion as it came: its stance, conditions and excerpt, on the version read with it.</summary>
    private static object Accept(JsonElement suggestion) => new
    {
        member = suggestion.GetProperty("member").GetString(),
        proposal = suggestion.GetProperty("proposal").GetString(),
        stance = suggestion.GetProperty("stance").GetString(),
        conditions = suggestion.GetProperty("conditions").GetString(),
        excerpt = suggestion.GetProperty("excerpt").GetString(),
        expectedVersion = Version(suggestion),
    };

    private static async Task<string> AssertRefusedAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{response.StatusCode}: {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
        return body;
    }
}
