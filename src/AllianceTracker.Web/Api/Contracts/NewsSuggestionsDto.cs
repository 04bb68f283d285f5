namespace AllianceTracker.Web.Api.Contracts;

/// <summary>
/// The suggestions read from a text. <c>language</c> is set (and nothing suggested) when the text is
/// not English; <c>whyNothing</c> says, when nothing is suggested, what was and was not recognised;
/// <c>unread</c> lists the allies named about a proposal with no stance wording read (read those yourself).
/// </summary>
public sealed record NewsSuggestionsDto(
    IReadOnlyList<StanceSuggestionDto> Suggestions, IReadOnlyList<OutcomeSuggestionDto> Outcomes, IReadOnlyList<string> Sentences,
    string? Language = null, string? WhyNothing = null, IReadOnlyList<UnreadMentionDto>? Unread = null);
