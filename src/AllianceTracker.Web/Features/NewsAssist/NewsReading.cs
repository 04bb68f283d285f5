namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// What the reading found: the sentences (for highlighting) and the suggestions; and, so that an
/// empty result can say why, the language when it is not English and what was recognised at all.
/// </summary>
public sealed record NewsReading(IReadOnlyList<string> Sentences, IReadOnlyList<StanceReading> Stances, IReadOnlyList<OutcomeReading> Outcomes)
{
    /// <summary>The text's language when it is not English (nothing is read then).</summary>
    public string? Language { get; init; }

    /// <summary>Every member named in the text (by name, demonym, capital, group or speaker), by code.</summary>
    public IReadOnlyList<string> MembersRead { get; init; } = [];

    /// <summary>Every proposal named in the text, by slug.</summary>
    public IReadOnlyList<string> ProposalsRead { get; init; } = [];

    /// <summary>How many member mentions came with wording that says where the member stands.</summary>
    public int StanceWordsRead { get; init; }

    /// <summary>
    /// Allies named in a sentence about a proposal where no stance wording was read, and no
    /// suggestion was made for that ally and proposal: where the editor should read for themselves.
    /// </summary>
    public IReadOnlyList<UnreadMention> Unread { get; init; } = [];
}
