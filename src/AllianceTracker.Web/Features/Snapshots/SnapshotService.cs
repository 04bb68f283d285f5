using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.Exchange;
using AllianceTracker.Web.Features.History;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.Snapshots;

public sealed class SnapshotService(
    IDbContextFactory<AllianceDbContext> dbFactory, PictureDocuments documents, TimeProvider clock, IAuthorizationService authorization, AuthorDirectory authors)
{
    public async Task<SnapshotSummary> CreateAsync(ClaimsPrincipal user, string title, string? note, DateOnly? asOf, CancellationToken cancellationToken = default)
    {
        var snapshot = await FreezeAsync(user, title, note, asOf, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Snapshots.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        return Summary(snapshot, await authors.GetAsync(cancellationToken));
    }

    /// <summary>
    /// The day's scheduled snapshot, unless one is on record for <paramref name="day"/> already —
    /// also when another instance of a cluster froze it a moment ago: the insert gives way to the
    /// index that keeps one a day (no failed command, nothing logged as an error). Null then.
    /// </summary>
    public async Task<SnapshotSummary?> CreateDailyAsync(ClaimsPrincipal scheduler, string title, string note, DateOnly day, CancellationToken cancellationToken = default)
    {
        var s = await FreezeAsync(scheduler, title, note, day, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "Snapshots" ("Id", "Title", "Note", "AsOf", "CreatedAtUtc", "CreatedBy", "Content", "Sha256", "DailyOf")
            VALUES ({s.Id}, {s.Title}, {s.Note}, {s.AsOf}, {s.CreatedAtUtc}, {s.CreatedBy}, {s.Content}, {s.Sha256}, {day})
            ON CONFLICT DO NOTHING
            """, cancellationToken);
        return inserted == 0 ? null : Summary(s, await authors.GetAsync(cancellationToken));
    }

    private async Task<Snapshot> FreezeAsync(ClaimsPrincipal user, string title, string? note, DateOnly? asOf, CancellationToken cancellationToken)
    {
        await authorization.DemandAsync(user, Policies.CanEdit);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var problems = new FieldProblems();
        problems.Add("title", string.IsNullOrWhiteSpace(title) ? "Give the snapshot a title, e.g. \"Before the Washington summit\"." : null);
        problems.Add("asOf", asOf > today ? "A snapshot cannot be of a date in the future." : null);
        problems.Add(TextPolicy.Problems(("title", title, TextPolicy.Title), ("note", note, TextPolicy.Note)));
        problems.ThrowIfAny();

        var document = await documents.CurrentAsync(asOf ?? today, cancellationToken: cancellationToken);
        return new Snapshot
        {
            Id = NewId(),
            Title = title.Trim(),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            AsOf = IsoDate.Parse(document.AsOf),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.AuthorName(),
            Content = Encoding.UTF8.GetString(document.ToCanonicalJson()),
            Sha256 = document.Sha256(),
        };
    }

    public async Task<IReadOnlyList<SnapshotSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var publicName = await authors.GetAsync(cancellationToken);
        return (await db.Snapshots.AsNoTracking().OrderByDescending(s => s.CreatedAtUtc)
                .Select(s => new { s.Id, s.Title, s.Note, s.AsOf, s.CreatedAtUtc, s.CreatedBy, s.Sha256 })
                .ToListAsync(cancellationToken))
            .Select(s => new SnapshotSummary(s.Id, s.Title, s.Note, s.AsOf, s.CreatedAtUtc, publicName(s.CreatedBy), s.Sha256))
            .ToList();
    }

    public async Task<FrozenSnapshot?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var snapshot = await db.Snapshots.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (snapshot is null)
        {
            return null;
        }

        var document = JsonSerializer.Deserialize<ExportDocument>(snapshot.Content, ExportDocument.Canonical)!;
        // Verified twice: the stored text hashes to the stored value, and re-serialising gives the same bytes.
        var verifies = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(snapshot.Content))) == snapshot.Sha256
            && document.Sha256() == snapshot.Sha256;
        return new FrozenSnapshot(Summary(snapshot, await authors.GetAsync(cancellationToken)), document, verifies);
    }

    /// <summary>The latest snapshot taken, or null when there is none.</summary>
    public async Task<FrozenSnapshot?> LatestAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var latest = await db.Snapshots.AsNoTracking().OrderByDescending(s => s.CreatedAtUtc).Select(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? null : await GetAsync(latest, cancellationToken);
    }

    /// <summary>The snapshot taken just before this one, for "what changed since the last snapshot".</summary>
    public async Task<FrozenSnapshot?> PreviousAsync(SnapshotSummary snapshot, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var previous = await db.Snapshots.AsNoTracking()
            .Where(s => s.CreatedAtUtc < snapshot.CreatedAtUtc)
            .OrderByDescending(s => s.CreatedAtUtc)
            .Select(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return previous is null ? null : await GetAsync(previous, cancellationToken);
    }

    // Who froze it, by public name: the login stays in the database, out of pages and the API.
    private static SnapshotSummary Summary(Snapshot s, Func<string, string> publicName) =>
        new(s.Id, s.Title, s.Note, s.AsOf, s.CreatedAtUtc, publicName(s.CreatedBy), s.Sha256);

    private static string NewId()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        return string.Create(10, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }
}
