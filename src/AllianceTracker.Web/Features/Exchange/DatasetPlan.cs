using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// What a checked dataset would change: the diff against the picture on the dataset's date, and
/// the append that makes the history say what the file says. <see cref="PositionOfChange"/> maps
/// each change back to its position in the file, so a problem found later can still be named there.
/// </summary>
public sealed record DatasetPlan(ExportDocument Document, PictureDiff Diff, HistoryAppend Append, IReadOnlyList<int> PositionOfChange, IReadOnlyList<string> Notes);
