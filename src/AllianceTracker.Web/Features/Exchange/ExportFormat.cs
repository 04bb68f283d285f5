namespace AllianceTracker.Web.Features.Exchange;

public enum ExportFormat
{
    Csv,
    Json,
    Xlsx,
    Md,
}
