using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Stances;

public sealed record EvidenceInput(string SourceKey, string Excerpt);

public sealed record StanceChangeRequest(
    string MemberAlpha3,
    string ProposalSlug,
    Stance Stance,
    string? Conditions,
    DateOnly EffectiveOn,
    string Rationale,
    IReadOnlyList<EvidenceInput> Evidence,
    string RecordedBy);

/// <summary>The request breaks a rule; nothing was written. Errors are keyed by the field they concern.</summary>
public sealed class StanceValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The stance change was refused: " + string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>
/// Appends a stance change to the history and tells every open page. The one write path for
/// stances outside the seed import; the editor UI and its authorization build on it.
/// </summary>
public sealed class StanceRecorder(IDbContextFactory<AllianceDbContext> dbFactory, TimeProvider clock, IStanceChangeNotifier notifier)
{
    public async Task<long> RecordAsync(StanceChangeRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string? problem)
        {
            if (problem is not null)
            {
                errors[field] = [.. errors.GetValueOrDefault(field, []), problem];
            }
        }

        var memberExists = await db.Members.AnyAsync(m => m.Alpha3 == request.MemberAlpha3, cancellationToken);
        Add("member", memberExists ? null : $"There is no member with the code '{request.MemberAlpha3}'.");
        var proposalId = await db.Proposals.Where(p => p.Slug == request.ProposalSlug).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        Add("proposal", proposalId is null ? $"There is no proposal with the slug '{request.ProposalSlug}'." : null);
        Add("conditions", StanceRules.CheckConditions(request.Stance, request.Conditions));
        Add("effectiveOn", StanceRules.CheckEffectiveDate(request.EffectiveOn, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
        Add("rationale", string.IsNullOrWhiteSpace(request.Rationale) ? "Say in one line why the evidence supports this stance." : null);
        Add("recordedBy", string.IsNullOrWhiteSpace(request.RecordedBy) ? "A change must be attributed." : null);
        Add("evidence", request.Evidence.Count == 0 ? "A stance needs evidence: quote at least one source." : null);

        var sourceKeys = request.Evidence.Select(e => e.SourceKey).Distinct().ToList();
        var sources = await db.Sources.AsNoTracking().Where(s => sourceKeys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Id, cancellationToken);
        for (var i = 0; i < request.Evidence.Count; i++)
        {
            var evidence = request.Evidence[i];
            Add($"evidence[{i}].source", sources.ContainsKey(evidence.SourceKey) ? null : $"There is no source with the key '{evidence.SourceKey}'.");
            Add($"evidence[{i}].excerpt", StanceRules.CheckExcerpt(evidence.Excerpt));
        }

        if (errors.Count > 0)
        {
            throw new StanceValidationException(errors);
        }

        var change = new StanceChange
        {
            MemberAlpha3 = request.MemberAlpha3,
            ProposalId = proposalId!.Value,
            Stance = request.Stance,
            Conditions = string.IsNullOrWhiteSpace(request.Conditions) ? null : request.Conditions.Trim(),
            EffectiveOn = request.EffectiveOn,
            Rationale = request.Rationale.Trim(),
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            RecordedBy = request.RecordedBy,
            Evidence = request.Evidence.Select(e => new StanceEvidence { SourceId = sources[e.SourceKey], Excerpt = e.Excerpt.Trim() }).ToList(),
        };
        db.StanceChanges.Add(change);
        await db.SaveChangesAsync(cancellationToken);

        await notifier.PublishAsync(new StanceChangeNotice([new StanceCell(request.MemberAlpha3, request.ProposalSlug)], Origin: request.RecordedBy));
        return change.Id;
    }
}
