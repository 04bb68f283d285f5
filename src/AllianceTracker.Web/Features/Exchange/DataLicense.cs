namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// The licence the data is published under, as the data package declares it (<c>Exports:DataLicense</c>:
/// Name, e.g. CC-BY-4.0; Path, its URL; Title). The project has not chosen one, so by default none is
/// declared and the package says so; a deployment that has chosen one sets it.
/// </summary>
public sealed class DataLicense
{
    public const string Section = "Exports:DataLicense";

    public string? Name { get; set; }

    public string? Path { get; set; }

    public string? Title { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(Name) || !string.IsNullOrWhiteSpace(Path);
}
