namespace AllianceTracker.Web.Api.Contracts;

/// <summary>
/// One side of a comparison, for machines and for people: what it is (<c>kind</c>: <c>date</c>,
/// <c>now</c> or <c>snapshot</c>), the date its picture speaks of (<c>asOf</c>, YYYY-MM-DD), the
/// snapshot's <c>id</c> when it is one (null otherwise), and the <c>label</c> a person reads.
/// </summary>
public sealed record DiffSide(string Kind, string AsOf, string? Id, string Label)
{
    public const string DateKind = "date";

    public const string NowKind = "now";

    public const string SnapshotKind = "snapshot";

    /// <summary>The kinds a side can be, as the diff's JSON Schema and the OpenAPI document list them.</summary>
    public static readonly IReadOnlyList<string> Kinds = [DateKind, NowKind, SnapshotKind];

    /// <summary>The picture on a date the caller named.</summary>
    public static DiffSide Date(string asOf, string label) => new(DateKind, asOf, null, label);

    /// <summary>The live picture, today.</summary>
    public static DiffSide Now(string asOf, string label) => new(NowKind, asOf, null, label);

    /// <summary>A frozen snapshot, as of the date it was taken of.</summary>
    public static DiffSide Snapshot(string id, string asOf, string label) => new(SnapshotKind, asOf, id, label);
}
