namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// What the review shows for a text: the sentences, the suggested stances and outcomes, and what
/// was recognised, so that a review with nothing to suggest can say why.
/// </summary>
public sealed record NewsSuggestions(IReadOnlyList<string> Sentences, IReadOnlyList<NewsSuggestion> Stances, IReadOnlyList<NewsOutcomeSuggestion> Outcomes)
{
    /// <summary>The text's language when it is not English: nothing was read.</summary>
    public string? Language { get; init; }

    /// <summary>The allies the text names, by name.</summary>
    public IReadOnlyList<string> MembersRead { get; init; } = [];

    /// <summary>The proposals the text names, by title.</summary>
    public IReadOnlyList<string> ProposalsRead { get; init; } = [];

    /// <summary>How many mentions of an ally came with wording that says where it stands.</summary>
    public int StanceWordsRead { get; init; }

    /// <summary>
    /// Allies named in a sentence about a proposal where no stance wording was read, each with its
    /// words and the cell as it stands and no stance (<see cref="NewsSuggestion.NeedsStance"/>): where
    /// the editor should read for themselves, and can record a stance from.
    /// </summary>
    public IReadOnlyList<NewsSuggestion> Unread { get; init; } = [];

    /// <summary>Why nothing was suggested, in a sentence; null when something was.</summary>
    public string? WhyNothing => Stances.Count + Outcomes.Count > 0 ? null
        : Language is not null ? $"This text looks like {Language}: the news assist reads English only, so it suggests nothing. Paste the English original or a translation."
        : MembersRead.Count == 0 ? "No ally is named in this text (by name, people, capital or group), so there is no stance to suggest."
        : ProposalsRead.Count == 0 ? $"The text names {Names(MembersRead)} but none of the proposals (by title or alias); add an alias on the proposal's edit page if it is named another way."
        : $"The text names {Names(MembersRead)} and {Names(ProposalsRead)}, but no wording says where an ally stands on them (supports, opposes, conditions, undecided, opting out).";

    private static string Names(IReadOnlyList<string> names) => names.Count <= 4 ? string.Join(", ", names) : $"{string.Join(", ", names.Take(4))} and {names.Count - 4} more";
}
