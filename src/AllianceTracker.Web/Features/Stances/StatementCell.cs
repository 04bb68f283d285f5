using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;

namespace AllianceTracker.Web.Features.Stances;

/// <summary>Another cell the same statement covers: its own stance and conditions, the cell's version when it was added.</summary>
internal sealed class StatementCell(string memberAlpha3, string memberName, string proposalSlug, string proposalTitle)
{
    public string MemberAlpha3 { get; } = memberAlpha3;

    public string MemberName { get; } = memberName;

    public string ProposalSlug { get; } = proposalSlug;

    public string ProposalTitle { get; } = proposalTitle;

    public Stance? Stance { get; set; }

    public string? Conditions { get; set; }

    public Guid? Version { get; set; }

    public StanceHistoryEntry? OnRecord { get; init; }

    public IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    public bool Has(string field) => Errors.ContainsKey(field);

    public string? Of(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;
}
