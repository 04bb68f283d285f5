namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>A proposal as the reading looks for it: its slug, title and the aliases editors gave it.</summary>
public sealed record ProposalNames(string Slug, string Title, IReadOnlyList<string> Aliases);
