using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.NewsAssist;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllianceTracker.Tests.Features.NewsAssist;

/// <summary>
/// The model-backed reader with recorded answers (no model is needed in CI): what it asks, how it
/// reads the answer, and that nothing the model says passes unless it passes the rules' checks.
/// </summary>
public sealed class ModelNewsReaderTests
{
    private static readonly IReadOnlyList<ProposalNames> Proposals = NewsEvaluationTests.SeededProposals();

    private const string Text = "Hungary's foreign minister said Budapest rejects the €100bn fund outright. Italy backs it as long as it does not duplicate EU aid.";

    /// <summary>An endpoint that answers what it was given and records what it was asked.</summary>
    private sealed class RecordedChat(string answer) : IChatClient
    {
        public List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Asked { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Asked.Add(([.. messages], options));
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    private static async Task<(NewsReading Reading, RecordedChat Chat)> ReadAsync(string answer, string text = Text)
    {
        var chat = new RecordedChat(answer);
        var reading = await new ModelNewsReader(chat, NullLogger<ModelNewsReader>.Instance).ReadAsync(text, Proposals);
        return (reading, chat);
    }

    [Fact]
    public async Task A_good_answer_becomes_suggestions_with_the_models_excerpts_and_conditions()
    {
        var (reading, chat) = await ReadAsync("""
            {"stances":[
              {"member":"HUN","proposal":"ukraine-fund","stance":"opposes","excerpt":"Budapest rejects the €100bn fund outright","confidence":0.9},
              {"member":"ITA","proposal":"ukraine-fund","stance":"conditional","conditions":"no duplication of EU aid","excerpt":"Italy backs it as long as it does not duplicate EU aid.","confidence":0.8}],
             "outcomes":[]}
            """);

        Assert.Equal([("HUN", Stance.Opposes), ("ITA", Stance.Conditional)], reading.Stances.Select(s => (s.Member, s.Stance)));
        Assert.Equal("no duplication of EU aid", reading.Stances[1].Conditions);
        Assert.Equal(1, reading.Stances[1].FirstSentence);
        var (messages, options) = Assert.Single(chat.Asked);
        Assert.Contains("ukraine-fund = €100bn five-year fund for Ukraine", messages[0].Text);
        Assert.Equal(Text, messages[1].Text);
        Assert.IsType<ChatResponseFormatJson>(options!.ResponseFormat);
        Assert.Equal(0, options.Temperature);
    }

    [Fact]
    public async Task Nothing_the_model_says_passes_unless_it_passes_the_checks()
    {
        var (reading, _) = await ReadAsync("""
            {"stances":[
              {"member":"HUN","proposal":"ukraine-fund","stance":"opposes","excerpt":"Hungary will veto the fund at the summit"},
              {"member":"XXX","proposal":"ukraine-fund","stance":"opposes","excerpt":"Budapest rejects the €100bn fund outright"},
              {"member":"HUN","proposal":"no-such-plan","stance":"opposes","excerpt":"Budapest rejects the €100bn fund outright"},
              {"member":"HUN","proposal":"ukraine-fund","stance":"furious","excerpt":"Budapest rejects the €100bn fund outright"},
              {"member":"HUN","proposal":"ukraine-fund","stance":"unknown","excerpt":"Budapest rejects the €100bn fund outright"},
              {"member":"ITA","proposal":"ukraine-fund","stance":"supports","excerpt":"Hungary's foreign minister said Budapest rejects the €100bn fund outright. Italy backs it as long as it does not duplicate EU aid. Hungary's foreign minister said Budapest rejects it"}],
             "outcomes":[{"proposal":"ukraine-fund","outcome":"abolished","excerpt":"Budapest rejects the €100bn fund outright"}]}
            """);

        Assert.Empty(reading.Stances);
        Assert.Empty(reading.Outcomes);
        var (_, refused) = ModelNewsReader.Check(
            """{"stances":[{"member":"HUN","proposal":"ukraine-fund","stance":"opposes","excerpt":"Hungary will veto the fund"}],"outcomes":[]}""",
            Text, NewsReader.Sentences(Text), Proposals);
        Assert.Equal(1, refused);
    }

    [Theory]
    [InlineData("I think Hungary opposes it.")]
    [InlineData("")]
    [InlineData("{\"stances\": [")]
    public async Task An_answer_that_is_not_the_json_asked_for_gives_nothing(string answer)
    {
        var (reading, _) = await ReadAsync(answer);

        Assert.Empty(reading.Stances);
        Assert.Equal(2, reading.Sentences.Count);
    }

    [Fact]
    public async Task A_fenced_answer_is_read()
    {
        var (reading, _) = await ReadAsync("```json\n{\"stances\":[{\"member\":\"HUN\",\"proposal\":\"ukraine-fund\",\"stance\":\"opposes\",\"excerpt\":\"Budapest rejects the €100bn fund outright\"}],\"outcomes\":[]}\n```");

        Assert.Equal(0.7, Assert.Single(reading.Stances).Confidence);
    }

    [Fact]
    public async Task A_text_in_another_language_is_not_sent_to_the_model()
    {
        var (reading, chat) = await ReadAsync("{}", "Ungarn lehnt den Ukraine-Fonds der NATO ab. Die Regierung in Budapest sagte, sie werde sich nicht an der Mission beteiligen.");

        Assert.Equal("German", reading.Language);
        Assert.Empty(chat.Asked);
    }

    [Fact]
    public void The_reader_is_the_rules_unless_configured_and_a_model_without_an_endpoint_is_refused_at_start()
    {
        static ServiceProvider Services(Dictionary<string, string?> settings) =>
            new ServiceCollection().AddLogging().AddNewsAssist(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();

        Assert.IsType<RulesNewsReader>(Services([]).GetRequiredService<INewsReader>());
        var refused = Assert.Throws<InvalidOperationException>(() => Services(new() { ["NewsAssist:Reader"] = "Model" }));
        Assert.Contains("NewsAssist:ModelEndpoint", refused.Message);
        using var model = Services(new() { ["NewsAssist:Reader"] = "Model", ["NewsAssist:ModelEndpoint"] = "http://127.0.0.1:9/v1", ["NewsAssist:ModelName"] = "a-model" });
        Assert.IsType<ModelNewsReader>(model.GetRequiredService<INewsReader>());
    }
}
