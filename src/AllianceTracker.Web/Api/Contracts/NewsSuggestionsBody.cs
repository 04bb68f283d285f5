namespace AllianceTracker.Web.Api.Contracts;

public sealed record NewsSuggestionsBody(string? Text, NewsSourceBody? Source);
