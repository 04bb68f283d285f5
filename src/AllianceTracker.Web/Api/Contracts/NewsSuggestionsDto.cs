namespace AllianceTracker.Web.Api.Contracts;

public sealed record NewsSuggestionsDto(IReadOnlyList<StanceSuggestionDto> Suggestions, IReadOnlyList<OutcomeSuggestionDto> Outcomes, IReadOnlyList<string> Sentences);
