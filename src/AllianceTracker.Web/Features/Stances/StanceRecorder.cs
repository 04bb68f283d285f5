using System.Security.Claims;
using System.Text.RegularExpressions;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Stances;

/// <summary>A source an editor adds while citing it.</summary>
public sealed record NewSourceInput(string Title, string Outlet, string? Url, DateOnly? PublishedOn, SourceKind Kind = SourceKind.NewsReport);

/// <summary>One piece of evidence: an existing source by key, or a new one, and the quoted excerpt.</summary>
public sealed record EvidenceInput(string? SourceKey, string Excerpt, NewSourceInput? NewSource = null);

public sealed record StanceChangeRequest(
    string MemberAlpha3,
    string ProposalSlug,
    Stance Stance,
    string? Conditions,
    DateOnly EffectiveOn,
    string Rationale,
    IReadOnlyList<EvidenceInput> Evidence,
    Guid? ExpectedVersion = null);

/// <summary>A saved change and the cell's new version (what a follow-up edit must present).</summary>
public sealed record RecordedStance(StanceChange Change, Guid CellVersion);

/// <summary>The latest entry in a cell, as an editor sees it before changing it.</summary>
public sealed record CellState(Guid? Version, StanceHistoryEntry? Latest);

/// <summary>The request breaks a rule; nothing was written. Errors are keyed by the field they concern.</summary>
public sealed class EditValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("The change was refused: " + string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>Collects the problems of a change by field, then refuses it with all of them at once.</summary>
public sealed class EditErrors
{
    private readonly Dictionary<string, string[]> _errors = [];

    /// <summary>Records <paramref name="problem"/> against <paramref name="field"/>; a null problem means the field is fine.</summary>
    public void Add(string field, string? problem)
    {
        if (problem is not null)
        {
            _errors[field] = [.. _errors.GetValueOrDefault(field, []), problem];
        }
    }

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new EditValidationException(_errors);
        }
    }
}

/// <summary>Someone else changed the cell since the editor loaded it; nothing was written.</summary>
public sealed class StanceConflictException(CellState current)
    : Exception("Another editor changed this stance after you opened it.")
{
    public CellState Current { get; } = current;
}

/// <summary>
/// The write path for stance changes and corrections. Every call checks on the server that the
/// caller may edit, refuses a save on top of a version the caller never saw, appends (never
/// updates) the history, and tells every open page.
/// </summary>
public sealed partial class StanceRecorder(
    IDbContextFactory<AllianceDbContext> dbFactory,
    TimeProvider clock,
    IStanceChangeNotifier notifier,
    IAuthorizationService authorization,
    StanceHistoryReader history)
{
    public async Task<CellState> GetCellAsync(string memberAlpha3, string proposalSlug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.CellVersions.AsNoTracking()
            .Where(c => c.MemberAlpha3 == memberAlpha3 && db.Proposals.Any(p => p.Id == c.ProposalId && p.Slug == proposalSlug))
            .Select(c => (Guid?)c.Version)
            .SingleOrDefaultAsync(cancellationToken);
        var latest = (await history.ReadAsync(new HistoryFilter(Member: memberAlpha3, Proposal: proposalSlug), cancellationToken))
            .LastOrDefault(e => e.RetractedBy is null);
        return new CellState(version, latest);
    }

    public async Task<RecordedStance> RecordAsync(ClaimsPrincipal user, StanceChangeRequest request, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        var author = user.AuthorName();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new EditErrors();
        var memberExists = await db.Members.AnyAsync(m => m.Alpha3 == request.MemberAlpha3, cancellationToken);
        errors.Add("member", memberExists ? null : $"There is no member with the code '{request.MemberAlpha3}'.");
        var proposalId = await db.Proposals.Where(p => p.Slug == request.ProposalSlug).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        errors.Add("proposal", proposalId is null ? $"There is no proposal with the slug '{request.ProposalSlug}'." : null);
        errors.Add("conditions", StanceRules.CheckConditions(request.Stance, request.Conditions));
        errors.Add("effectiveOn", StanceRules.CheckEffectiveDate(request.EffectiveOn, Today));
        errors.Add("rationale", string.IsNullOrWhiteSpace(request.Rationale) ? "Say in one line why the evidence supports this stance." : null);
        errors.Add("evidence", request.Evidence.Count == 0 ? "A stance needs evidence: quote at least one source." : null);

        var sourceKeys = request.Evidence.Where(e => e.NewSource is null).Select(e => e.SourceKey ?? "").Distinct().ToList();
        var sources = await db.Sources.Where(s => sourceKeys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, cancellationToken);
        for (var i = 0; i < request.Evidence.Count; i++)
        {
            var evidence = request.Evidence[i];
            if (evidence.NewSource is { } added)
            {
                errors.Add($"evidence[{i}].newSource.title", string.IsNullOrWhiteSpace(added.Title) ? "Give the source's title." : null);
                errors.Add($"evidence[{i}].newSource.outlet", string.IsNullOrWhiteSpace(added.Outlet) ? "Give the outlet or publisher." : null);
                errors.Add($"evidence[{i}].newSource.url", SourceRules.CheckUrl(added.Url));
                errors.Add($"evidence[{i}].newSource.publishedOn", added.PublishedOn > Today ? "The publication date is in the future." : null);
            }
            else
            {
                errors.Add($"evidence[{i}].source", sources.ContainsKey(evidence.SourceKey ?? "") ? null : $"There is no source with the key '{evidence.SourceKey}'; pick one or add a new source.");
            }

            errors.Add($"evidence[{i}].excerpt", StanceRules.CheckExcerpt(evidence.Excerpt));
        }

        errors.ThrowIfAny();

        var change = new StanceChange
        {
            MemberAlpha3 = request.MemberAlpha3,
            ProposalId = proposalId!.Value,
            Stance = request.Stance,
            Conditions = string.IsNullOrWhiteSpace(request.Conditions) ? null : request.Conditions.Trim(),
            EffectiveOn = request.EffectiveOn,
            Rationale = request.Rationale.Trim(),
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
            RecordedBy = author,
            Evidence = request.Evidence.Select(e => new StanceEvidence
            {
                SourceId = e.NewSource is null ? sources[e.SourceKey!].Id : 0,
                Source = e.NewSource is { } added ? NewSource(added) : null,
                Excerpt = e.Excerpt.Trim(),
            }).ToList(),
        };
        db.StanceChanges.Add(change);
        var version = await SaveWithVersionCheckAsync(db, request.MemberAlpha3, proposalId.Value, request.ProposalSlug, request.ExpectedVersion, cancellationToken);

        await notifier.PublishAsync(new StanceChangeNotice([new StanceCell(request.MemberAlpha3, request.ProposalSlug)], Origin: author));
        return new RecordedStance(change, version);
    }

    /// <summary>Marks an earlier entry as retracted; the pictures skip it from now on, the audit trail keeps it.</summary>
    public async Task<StanceRetraction> RetractAsync(ClaimsPrincipal user, long stanceChangeId, string reason, Guid? expectedVersion, CancellationToken cancellationToken = default)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        var author = user.AuthorName();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var target = await db.StanceChanges.AsNoTracking().Include(c => c.Proposal).SingleOrDefaultAsync(c => c.Id == stanceChangeId, cancellationToken)
            ?? throw new EditValidationException(new Dictionary<string, string[]> { ["stanceChange"] = [$"There is no stance change {stanceChangeId}."] });
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new EditValidationException(new Dictionary<string, string[]> { ["reason"] = ["Say why the entry is retracted."] });
        }

        if (await db.Retractions.AnyAsync(r => r.StanceChangeId == stanceChangeId, cancellationToken))
        {
            throw new EditValidationException(new Dictionary<string, string[]> { ["stanceChange"] = ["That entry is already retracted."] });
        }

        var retraction = new StanceRetraction { StanceChangeId = stanceChangeId, Reason = reason.Trim(), RecordedAtUtc = clock.GetUtcNow().UtcDateTime, RecordedBy = author };
        db.Retractions.Add(retraction);
        await SaveWithVersionCheckAsync(db, target.MemberAlpha3, target.ProposalId, target.Proposal!.Slug, expectedVersion, cancellationToken);

        await notifier.PublishAsync(new StanceChangeNotice([new StanceCell(target.MemberAlpha3, target.Proposal.Slug)], Origin: author));
        return retraction;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>
    /// Saves the pending entry together with a new cell version. The version row is the app-managed
    /// concurrency token (SQLite has no row version): if another save moved it since the editor
    /// loaded the cell, the UPDATE matches no row and nothing is written.
    /// </summary>
    private async Task<Guid> SaveWithVersionCheckAsync(
        AllianceDbContext db, string member, int proposalId, string proposalSlug, Guid? expectedVersion, CancellationToken cancellationToken)
    {
        var cell = await db.CellVersions.SingleOrDefaultAsync(c => c.MemberAlpha3 == member && c.ProposalId == proposalId, cancellationToken);
        if (cell?.Version != expectedVersion)
        {
            throw new StanceConflictException(await GetCellAsync(member, proposalSlug, cancellationToken));
        }

        var version = Guid.NewGuid();
        if (cell is null)
        {
            db.CellVersions.Add(new StanceCellVersion { MemberAlpha3 = member, ProposalId = proposalId, Version = version });
        }
        else
        {
            cell.Version = version;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || (ex is DbUpdateException && cell is null))
        {
            // Lost the race between the check and the write (or two first saves of one cell).
            throw new StanceConflictException(await GetCellAsync(member, proposalSlug, cancellationToken));
        }

        return version;
    }

    private Source NewSource(NewSourceInput input) => new()
    {
        Key = $"{Slug(input.Outlet)}-{(input.PublishedOn ?? Today).ToIso()}-{Guid.NewGuid().ToString("N")[..6]}",
        Title = input.Title.Trim(),
        Outlet = input.Outlet.Trim(),
        Url = string.IsNullOrWhiteSpace(input.Url) ? null : input.Url.Trim(),
        PublishedOn = input.PublishedOn,
        Kind = input.Kind,
    };

    private static string Slug(string text)
    {
        var slug = NonSlug().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return slug.Length == 0 ? "source" : slug[..Math.Min(slug.Length, 40)].Trim('-');
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}

public static class SourceRules
{
    /// <summary>Only web addresses: javascript:, data: or file: links must never reach a page.</summary>
    public static string? CheckUrl(string? url) =>
        string.IsNullOrWhiteSpace(url)
        || (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            ? null
            : "Give a web address starting with http:// or https://.";
}
