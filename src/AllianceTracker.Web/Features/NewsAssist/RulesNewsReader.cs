namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>The rules reader (<see cref="NewsReader"/>): offline, every rule in the code and scored on the corpus.</summary>
public sealed class RulesNewsReader : INewsReader
{
    public Task<NewsReading> ReadAsync(string text, IReadOnlyList<ProposalNames> proposals, DateOnly? publishedOn = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(NewsReader.Read(text, proposals, publishedOn));
}
