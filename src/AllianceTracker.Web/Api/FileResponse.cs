namespace AllianceTracker.Web.Api;

/// <summary>Endpoint metadata: the 200 response is a file in one of these media types (exports, the feed).</summary>
public sealed class FileResponse(string description, params string[] contentTypes)
{
    /// <summary>The export formats' media types, in the order of <c>{format}</c>'s values.</summary>
    public static FileResponse Export(string description) => new(
        description, "text/csv", "application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/markdown");

    public string Description { get; } = description;

    public IReadOnlyList<string> ContentTypes { get; } = contentTypes;
}
