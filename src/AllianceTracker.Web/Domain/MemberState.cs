namespace AllianceTracker.Web.Domain;

/// <summary>One of NATO's member states. Alpha-3 is the key used in URLs and the API.</summary>
public sealed class MemberState
{
    public required string Alpha3 { get; init; }

    public required string Alpha2 { get; init; }

    /// <summary>ISO 3166-1 numeric code, zero-padded ("008"), as used by Natural Earth geometry.</summary>
    public required string NumericCode { get; init; }

    public required string Name { get; init; }

    public required int AccessionYear { get; init; }

    /// <summary>UN M49 geoscheme sub-region, e.g. "Northern Europe".</summary>
    public required string Subregion { get; init; }

    public required bool IsEuMember { get; init; }

    /// <summary>Member of the Bucharest Nine eastern-flank group.</summary>
    public required bool IsBucharestNine { get; init; }
}
