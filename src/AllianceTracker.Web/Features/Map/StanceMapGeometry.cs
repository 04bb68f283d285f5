using System.Text.Json;

namespace AllianceTracker.Web.Features.Map;

/// <summary>
/// The stance map's geometry: Natural Earth outlines of the members and the countries around
/// them, projected once by src/map-geometry/build-map.mjs and embedded in the app.
/// </summary>
public sealed class StanceMapGeometry
{
    public const string ResourceName = "AllianceTracker.stance-map.json";

    private StanceMapGeometry(int width, int height, IReadOnlyList<MapCountry> countries)
    {
        Width = width;
        Height = height;
        Countries = countries;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Non-members first, so members are drawn on top of them.</summary>
    public IReadOnlyList<MapCountry> Countries { get; }

    public static StanceMapGeometry Load()
    {
        using var stream = typeof(StanceMapGeometry).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The map geometry resource {ResourceName} is missing from the build.");
        var file = JsonSerializer.Deserialize<GeometryFile>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The map geometry resource is empty.");
        return new StanceMapGeometry(file.Width, file.Height, file.Countries);
    }

    private sealed record GeometryFile(int Width, int Height, List<MapCountry> Countries);
}
