namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// An ally named in a sentence about a proposal without wording the reader could read as a stance
/// ("The Biden administration has taken the same view"): not a suggestion — the reader does not
/// guess — but a pointer to the words (verbatim, at most 40) an editor should read.
/// </summary>
public sealed record UnreadMention(string Member, string Proposal, string Excerpt, string NamedAs, int Sentence)
{
    /// <summary>The text named a group ("the Baltic states"), not this ally.</summary>
    public bool ByGroup { get; init; }
}
