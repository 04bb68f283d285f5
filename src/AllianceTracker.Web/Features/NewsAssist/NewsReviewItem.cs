using System.Globalization;
using System.Text.RegularExpressions;
using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>One suggestion under review on /news: the editor's decision and edits, and the problems the save found with it.</summary>
public sealed partial class NewsReviewItem(NewsSuggestion suggestion, string? sourceDate)
{
    public NewsSuggestion Suggestion { get; } = suggestion;

    public ReviewDecision Decision { get; set; } = ReviewDecision.Pending;

    public Stance Stance { get; set; } = suggestion.Stance;

    public string? Conditions { get; set; } = suggestion.Conditions;

    public string? Excerpt { get; set; } = suggestion.Excerpt;

    public string? EffectiveDate { get; set; } = sourceDate;

    public string? Rationale { get; set; }

    /// <summary>
    /// Accepting adds the excerpt as evidence to the entry on record, which keeps its stance, date
    /// and reason — the default when the text says what is on record already, so that accepting it
    /// corroborates the record instead of displacing its evidence.
    /// </summary>
    public bool AddsEvidence { get; set; } = suggestion.SameAsRecord;

    /// <summary>By the field the card shows them at; "" for a problem with the whole suggestion.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    public bool Has(string field) => Errors.ContainsKey(field);

    public string? Of(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>The suggestion as the editor left it, for <see cref="NewsReview.AcceptAsync"/>.</summary>
    public AcceptedStanceBody ToBody() => new(
        Suggestion.Member, Suggestion.Proposal, Stance.ToCode(), Excerpt,
        Stance == Stance.Conditional ? Conditions : null,
        string.IsNullOrWhiteSpace(EffectiveDate) ? null : EffectiveDate,
        Rationale, Suggestion.CellVersion, AddsEvidence && Suggestion.SameAsRecord);

    /// <summary>
    /// Puts the save's problems on the suggestions they are about ("stances[2].excerpt" on the third
    /// of <paramref name="accepted"/>, at its excerpt); returns the rest (the text's, the source's).
    /// </summary>
    public static List<string> Assign(IReadOnlyList<NewsReviewItem> accepted, IReadOnlyDictionary<string, string[]> errors)
    {
        var general = new List<string>();
        foreach (var (key, messages) in errors)
        {
            var match = StanceKey().Match(key);
            if (match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is var index && index < accepted.Count)
            {
                var field = match.Groups[2].Value is "stance" or "conditions" or "excerpt" or "effectiveDate" or "rationale" ? match.Groups[2].Value : "";
                var item = accepted[index];
                item.Errors = new Dictionary<string, string[]>(item.Errors) { [field] = [.. item.Errors.GetValueOrDefault(field) ?? [], .. messages] };
            }
            else
            {
                general.AddRange(messages);
            }
        }

        return general;
    }

    [GeneratedRegex(@"^stances\[(\d+)\]\.(.+)$")]
    private static partial Regex StanceKey();
}
