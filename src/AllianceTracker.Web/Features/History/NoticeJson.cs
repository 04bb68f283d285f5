using System.Text.Json;

namespace AllianceTracker.Web.Features.History;

/// <summary>A change notice as the database carries it: in a NOTIFY payload (PostgreSQL) or a row of the recent notices (SQLite).</summary>
internal static class NoticeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>More cells than <paramref name="maxCells"/> are carried as none: "anything may have changed".</summary>
    public static NoticePayload Payload(StanceChangeNotice notice, int maxCells = int.MaxValue) => new(
        notice.Cells.Count > maxCells ? [] : [.. notice.Cells.Select(c => new[] { c.MemberAlpha3, c.ProposalSlug })]);

    /// <summary>
    /// The cells only: who wrote a change is in the history, not in every subscriber's notice. Rows
    /// written before that carry an <c>origin</c> field too, which reading ignores.
    /// </summary>
    public sealed record NoticePayload(IReadOnlyList<string[]> Cells)
    {
        public StanceChangeNotice ToNotice(long version) => new([.. Cells.Select(c => new StanceCell(c[0], c[1]))]) { Version = version };
    }
}
