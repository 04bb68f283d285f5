namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// How a pasted text becomes suggestions: the rules (<see cref="RulesNewsReader"/>, the default) or a
/// language model an operator configures (<see cref="ModelNewsReader"/>, <c>NewsAssist:Reader = Model</c>).
/// Either way the review checks every suggestion the same way before an editor sees it.
/// </summary>
public interface INewsReader
{
    /// <summary>Suggestions from a text; the source's date, when known, says who spoke for an ally then (a minister's term).</summary>
    Task<NewsReading> ReadAsync(string text, IReadOnlyList<ProposalNames> proposals, DateOnly? publishedOn = null, CancellationToken cancellationToken = default);
}
