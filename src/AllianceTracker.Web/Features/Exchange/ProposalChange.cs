namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// A proposal that was added, or whose text changed, between the two sides: <see cref="Change"/>
/// says which as a code (<c>tabled</c>, <c>reworded</c>: a new title, <c>revised</c>: a new
/// description or proposer), <see cref="What"/> in words.
/// </summary>
public sealed record ProposalChange(string Proposal, string Title, string Change, string What)
{
    public const string Tabled = "tabled";

    public const string Reworded = "reworded";

    public const string Revised = "revised";

    public static readonly IReadOnlyList<string> Changes = [Tabled, Reworded, Revised];
}
