using System.Globalization;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Exchange;

namespace AllianceTracker.Web.Features.Snapshots;

/// <summary>
/// Compares any two pictures: a side is "now", "date:YYYY-MM-DD" or "snapshot:ID" (a bare date or
/// snapshot id works too).
/// </summary>
public sealed class SnapshotComparison(SnapshotService snapshots, PictureDocuments documents, TimeProvider clock)
{
    public async Task<ComparisonResult> CompareAsync(string from, string to, CancellationToken cancellationToken = default)
    {
        var (fromDocument, fromLabel, fromError) = await ResolveAsync(from, "from", cancellationToken);
        if (fromError is not null)
        {
            return new(null, fromError);
        }

        var (toDocument, toLabel, toError) = await ResolveAsync(to, "to", cancellationToken);
        return toError is not null ? new(null, toError) : new(PictureDiff.Between(fromDocument!, toDocument!, fromLabel, toLabel), null);
    }

    private async Task<(ExportDocument?, string, ComparisonError?)> ResolveAsync(string side, string parameter, CancellationToken cancellationToken)
    {
        var value = side.Trim();
        if (value is "" or "now")
        {
            var now = await documents.CurrentAsync(cancellationToken: cancellationToken);
            return (now, $"now ({IsoDate.Parse(now.AsOf):d MMMM yyyy})", null);
        }

        var date = value.StartsWith("date:", StringComparison.Ordinal) ? value[5..] : value;
        if (date.Length == 0)
        {
            return (null, "", new ComparisonError(parameter, $"Give the date to compare ('{parameter}'), in the date field."));
        }

        if (IsoDate.TryParse(date, out var asOf))
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            return IsoDate.PictureDateProblem(asOf, today) is { } problem
                ? (null, "", new ComparisonError(parameter, problem))
                : (await documents.CurrentAsync(asOf, cancellationToken: cancellationToken), asOf.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), null);
        }

        var id = value.StartsWith("snapshot:", StringComparison.Ordinal) ? value[9..] : value;
        return await snapshots.GetAsync(id, cancellationToken) is { } frozen
            ? (frozen.Document, $"snapshot {id} ({frozen.Summary.Title})", null)
            : (null, "", new ComparisonError(parameter, $"'{side}' is neither now, a date (YYYY-MM-DD) nor a snapshot id."));
    }
}
