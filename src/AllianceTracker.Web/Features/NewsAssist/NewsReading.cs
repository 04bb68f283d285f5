namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>What the reading found: the sentences (for highlighting) and the suggestions.</summary>
public sealed record NewsReading(IReadOnlyList<string> Sentences, IReadOnlyList<StanceReading> Stances, IReadOnlyList<OutcomeReading> Outcomes);
