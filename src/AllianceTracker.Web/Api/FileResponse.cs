namespace AllianceTracker.Web.Api;

/// <summary>
/// Endpoint metadata: the 200 response is a file in one of these media types (exports, the feed).
/// <see cref="JsonType"/>, when set, is the type the <c>application/json</c> file serializes, so the
/// document gives it that schema instead of an opaque binary.
/// </summary>
public sealed class FileResponse(string description, params string[] contentTypes)
{
    /// <summary>The export formats' media types, in the order of <c>{format}</c>'s values; the JSON is a <paramref name="jsonType"/>.</summary>
    public static FileResponse Export(string description, Type jsonType) => new(
        description, "text/csv", "application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/markdown")
    {
        JsonType = jsonType,
    };

    public string Description { get; } = description;

    public IReadOnlyList<string> ContentTypes { get; } = contentTypes;

    /// <summary>What the <c>application/json</c> file holds; null: an opaque file like the others.</summary>
    public Type? JsonType { get; init; }
}
