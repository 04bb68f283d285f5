namespace AllianceTracker.Web.Features.History;

/// <summary>Which part of an append a problem is in.</summary>
public enum AppendPart
{
    Members,
    Summits,
    Proposals,
    Sources,
    Changes,
}
