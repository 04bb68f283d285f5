namespace AllianceTracker.Web.Features.Exchange;

public sealed record ExportFile(byte[] Content, string ContentType, string FileName);
