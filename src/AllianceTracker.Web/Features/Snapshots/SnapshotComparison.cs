using System.Globalization;
using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Exchange;

namespace AllianceTracker.Web.Features.Snapshots;

/// <summary>
/// Compares any two pictures: a side is "now", "date:YYYY-MM-DD" or "snapshot:ID" (a bare date or
/// snapshot id works too). Each side is described for machines as well as people (<see cref="DiffSide"/>).
/// </summary>
public sealed class SnapshotComparison(SnapshotService snapshots, PictureDocuments documents, TimeProvider clock)
{
    public async Task<ComparisonResult> CompareAsync(string from, string to, CancellationToken cancellationToken = default)
    {
        var (fromDocument, fromSide, fromError) = await ResolveAsync(from, "from", cancellationToken);
        if (fromError is not null)
        {
            return new(null, fromError);
        }

        var (toDocument, toSide, toError) = await ResolveAsync(to, "to", cancellationToken);
        return toError is not null ? new(null, toError) : new(PictureDiff.Between(fromDocument!, toDocument!, fromSide!, toSide!), null);
    }

    private async Task<(ExportDocument?, DiffSide?, ComparisonError?)> ResolveAsync(string side, string parameter, CancellationToken cancellationToken)
    {
        var value = side.Trim();
        if (value is "" or "now")
        {
            var now = await documents.CurrentAsync(cancellationToken: cancellationToken);
            return (now, DiffSide.Now(now.AsOf, $"now ({IsoDate.Parse(now.AsOf):d MMMM yyyy})"), null);
        }

        var date = value.StartsWith("date:", StringComparison.Ordinal) ? value[5..] : value;
        if (date.Length == 0)
        {
            return (null, null, new ComparisonError(parameter, $"Give the date to compare ('{parameter}'), in the date field."));
        }

        if (IsoDate.TryParse(date, out var asOf))
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return IsoDate.PictureDateProblem(asOf, today) is { } problem
                ? (null, null, new ComparisonError(parameter, problem))
                : (await documents.CurrentAsync(asOf, cancellationToken: cancellationToken),
                    DiffSide.Date(asOf.ToIso(), asOf.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)), null);
        }

        var id = value.StartsWith("snapshot:", StringComparison.Ordinal) ? value[9..] : value;
        return await snapshots.GetAsync(id, cancellationToken) is { } frozen
            ? (frozen.Document, DiffSide.Snapshot(id, frozen.Document.AsOf, $"snapshot {id} ({frozen.Summary.Title})"), null)
            : (null, null, new ComparisonError(parameter, $"'{side}' is neither now, a date (YYYY-MM-DD) nor a snapshot id."));
    }
}
