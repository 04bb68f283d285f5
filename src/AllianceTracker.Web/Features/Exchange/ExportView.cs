namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// The dashboard view a download was narrowed to, stated inside the file: the query that narrowed
/// it (e.g. <c>stance=opposes&amp;on=ukraine-fund</c>) and how many of the allies it shows. Absent
/// for the whole picture and in snapshots, so their canonical bytes do not change.
/// </summary>
public sealed record ExportView(string Filters, int MembersShown, int MembersInAlliance)
{
    /// <summary>"Filtered view (stance=opposes&amp;on=ukraine-fund): 1 of 32 members."</summary>
    public string Sentence => $"Filtered view ({Filters}): {MembersShown} of {MembersInAlliance} members.";
}
