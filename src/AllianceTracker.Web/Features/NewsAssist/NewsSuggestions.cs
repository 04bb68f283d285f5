namespace AllianceTracker.Web.Features.NewsAssist;

public sealed record NewsSuggestions(IReadOnlyList<string> Sentences, IReadOnlyList<NewsSuggestion> Stances, IReadOnlyList<NewsOutcomeSuggestion> Outcomes);
