namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// What a Markdown brief is (a snapshot, or the live picture) and what it compares itself with:
/// a snapshot with the one before it; the live picture with the latest snapshot only when asked
/// (<c>compare=latest-snapshot</c>), since a comparison nobody asked for reads as a claim.
/// </summary>
/// <param name="What">One line saying what the brief is, under its title.</param>
/// <param name="ComparisonHeading">The heading of the comparison section; null: no comparison section.</param>
/// <param name="Comparison">The differences; null when there is nothing to compare with.</param>
/// <param name="NothingToCompare">What to say when <paramref name="Comparison"/> is null.</param>
public sealed record BriefContext(string What, string? ComparisonHeading = null, PictureDiff? Comparison = null, string NothingToCompare = "")
{
    public const string LatestSnapshot = "latest-snapshot";

    /// <summary>The live picture, as the export endpoint and the command line give it.</summary>
    public static BriefContext Live(string asOf) =>
        new($"The live picture as of {asOf}, not a snapshot: it changes as editors record news. For a record to cite, take a snapshot.");
}
