using System.Text.Json;
using AllianceTracker.Web.Domain;
using Microsoft.Extensions.AI;

namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// The optional model-backed reader (ADR 0022): the text and the proposals go to a chat model an
/// operator configured, which answers JSON against <see cref="Schema"/>. Nothing it says is taken
/// on trust: <see cref="Check"/> keeps a suggestion only if the member and proposal are known, the
/// codes are the published ones and the excerpt is at most 40 words found verbatim in the text — so
/// a model can leave things out or misjudge, but never put words in a source's mouth.
/// </summary>
public sealed partial class ModelNewsReader(IChatClient chat, ILogger<ModelNewsReader> logger) : INewsReader
{
    public async Task<NewsReading> ReadAsync(string text, IReadOnlyList<ProposalNames> proposals, DateOnly? publishedOn = null, CancellationToken cancellationToken = default)
    {
        var prepared = NewsText.Prepare(text);
        var sentences = NewsReader.Sentences(prepared);
        if (NewsLanguage.NotEnglish(prepared) is { } language)
        {
            return new NewsReading(sentences, [], []) { Language = language };
        }

        var response = await chat.GetResponseAsync(
            [new ChatMessage(ChatRole.System, Instructions(proposals)), new ChatMessage(ChatRole.User, prepared)],
            new ChatOptions { Temperature = 0, ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, "news_reading") },
            cancellationToken);
        var (reading, refused) = Check(response.Text, prepared, sentences, proposals);
        if (refused > 0)
        {
            Log.SuggestionsRefused(logger, refused);
        }

        return reading;
    }

    /// <summary>What the model is asked, with the proposals it may name and the codes it may use.</summary>
    public static string Instructions(IReadOnlyList<ProposalNames> proposals) =>
        "You read a news text about NATO allies' positions on proposals. Report only what the text states about an ally's own position, "
        + "not forecasts, questions, hypotheticals, other actors' views or places where a group met. "
        + "Stances: supports, opposes, conditional (give the conditions), undecided, opts-out (will not take part but will not block). "
        + "Outcomes (only a decision reported as made): adopted, adopted-amended, dropped, deferred, replaced. "
        + "Members by code: " + string.Join(", ", NewsLexicon.Members.Select(m => $"{m.Alpha3} {m.Names[0]}")) + ". "
        + "Proposals by slug: " + string.Join("; ", proposals.Select(p => $"{p.Slug} = {p.Title}")) + ". "
        + "For each finding give an excerpt: at most 40 consecutive words copied exactly from the text that state it. Answer with JSON only.";

    /// <summary>The answer's shape, as a JSON Schema the endpoint is asked to follow.</summary>
    public static JsonElement Schema { get; } = JsonDocument.Parse("""
        {
          "type": "object",
          "properties": {
            "stances": { "type": "array", "items": { "type": "object", "properties": {
              "member": { "type": "string" }, "proposal": { "type": "string" }, "stance": { "type": "string" },
              "conditions": { "type": ["string", "null"] }, "excerpt": { "type": "string" }, "confidence": { "type": "number" } },
              "required": ["member", "proposal", "stance", "excerpt"] } },
            "outcomes": { "type": "array", "items": { "type": "object", "properties": {
              "proposal": { "type": "string" }, "outcome": { "type": "string" }, "excerpt": { "type": "string" } },
              "required": ["proposal", "outcome", "excerpt"] } }
          },
          "required": ["stances", "outcomes"]
        }
        """).RootElement.Clone();

    private sealed record StanceAnswer(string? Member, string? Proposal, string? Stance, string? Conditions, string? Excerpt, double? Confidence);

    private sealed record OutcomeAnswer(string? Proposal, string? Outcome, string? Excerpt);

    private sealed record Answer(IReadOnlyList<StanceAnswer>? Stances, IReadOnlyList<OutcomeAnswer>? Outcomes);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The model's answer as a reading, keeping only what passes the same checks as the rules'
    /// suggestions; and how many it refused. An answer that is not the JSON asked for gives nothing.
    /// </summary>
    public static (NewsReading Reading, int Refused) Check(string? answer, string prepared, IReadOnlyList<string> sentences, IReadOnlyList<ProposalNames> proposals)
    {
        Answer? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<Answer>(Unfenced(answer), Json);
        }
        catch (JsonException)
        {
            parsed = null;
        }

        if (parsed is null)
        {
            return (new NewsReading(sentences, [], []), 1);
        }

        var quotable = new QuotableText(prepared);
        var members = NewsLexicon.Members.Select(m => m.Alpha3).ToHashSet(StringComparer.Ordinal);
        var slugs = proposals.Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        var refused = 0;
        var stances = new Dictionary<(string, string), StanceReading>();
        foreach (var s in parsed.Stances ?? [])
        {
            if (s.Member is not { } member || !members.Contains(member) || s.Proposal is not { } proposal || !slugs.Contains(proposal)
                || !StanceVocabulary.TryParse(s.Stance, out var stance) || stance == Stance.Unknown || Quotable(s.Excerpt, quotable) is not { } excerpt)
            {
                refused++;
                continue;
            }

            stances[(member, proposal)] = new StanceReading(
                member, proposal, stance, stance == Stance.Conditional ? s.Conditions?.Trim() : null, excerpt,
                Math.Round(Math.Clamp(s.Confidence ?? 0.7, 0, 1), 2), ["read by the model"], SentenceOf(excerpt, sentences));
        }

        var outcomes = new List<OutcomeReading>();
        foreach (var o in parsed.Outcomes ?? [])
        {
            if (o.Proposal is not { } proposal || !slugs.Contains(proposal) || o.Outcome is not { } outcome
                || !ProposalOutcomeCodes.DecisionCodes.Contains(outcome) || Quotable(o.Excerpt, quotable) is not { } excerpt)
            {
                refused++;
                continue;
            }

            outcomes.Add(new OutcomeReading(proposal, outcome, excerpt, 0.7, ["read by the model"], SentenceOf(excerpt, sentences)));
        }

        return (new NewsReading(sentences, [.. stances.Values.OrderBy(s => s.FirstSentence)], outcomes), refused);
    }

    /// <summary>The excerpt when it is words of the text as written and at most 40 of them; else null.</summary>
    private static string? Quotable(string? excerpt, QuotableText text) =>
        excerpt?.Trim() is { Length: > 0 } quoted && NewsText.WordCount(quoted) <= NewsReader.MaxExcerptWords && text.Quotes(quoted) ? quoted : null;

    private static int SentenceOf(string excerpt, IReadOnlyList<string> sentences)
    {
        var start = excerpt.Split(' ', 2)[0];
        for (var i = 0; i < sentences.Count; i++)
        {
            if (sentences[i].Contains(excerpt, StringComparison.Ordinal) || sentences[i].Contains(start, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return 0;
    }

    // Some endpoints wrap JSON in a Markdown fence even when asked not to.
    private static string Unfenced(string? answer)
    {
        var text = answer?.Trim() ?? "";
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            text = text[(text.IndexOf('\n') + 1)..];
            text = text.EndsWith("```", StringComparison.Ordinal) ? text[..^3] : text;
        }

        return text.Length == 0 ? "null" : text;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Warning, Message = "The news model's answer held {Refused} suggestions that failed the checks (unknown member or proposal, bad code, or an excerpt not in the text); they were dropped")]
        public static partial void SuggestionsRefused(ILogger logger, int refused);
    }
}
