using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Web.Features.Positions;

/// <summary>Sources and evidence as every read endpoint writes them (the contracts know no read model).</summary>
public static class EvidenceContracts
{
    public static SourceDto Source(SourceSummary source) => new(
        source.Key,
        source.Title,
        source.Outlet,
        source.Url,
        source.PublishedOn is { } published ? published.ToIso() : null,
        source.PublishedOnIsApproximate,
        SourceKindCodes.ToCode(source.Kind));

    public static EvidenceDto Evidence(EvidenceView evidence) => new(Source(evidence.Source), evidence.Excerpt);
}
