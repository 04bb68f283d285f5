using AllianceTracker.Web.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Data;

/// <summary>
/// The one database: the tracker's data and, through Identity, the editors' accounts. This type is
/// the SQLite database and owns its migrations; <see cref="PostgreSql.PostgresAllianceDbContext"/>
/// is the same model on PostgreSQL with migrations of its own (docs/deployment.md). Everything else
/// asks for this type.
/// </summary>
public class AllianceDbContext : IdentityDbContext<IdentityUser>, IDataProtectionKeyContext
{
    public AllianceDbContext(DbContextOptions<AllianceDbContext> options)
        : base(options)
    {
    }

    /// <summary>For the other provider's context, which has options of its own type.</summary>
    protected AllianceDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>The keys that sign cookies and antiforgery tokens: in the database, so a backup holds them and every instance shares them.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<MemberState> Members => Set<MemberState>();

    public DbSet<Summit> Summits => Set<Summit>();

    public DbSet<Proposal> Proposals => Set<Proposal>();

    public DbSet<Source> Sources => Set<Source>();

    public DbSet<StanceChange> StanceChanges => Set<StanceChange>();

    public DbSet<StanceEvidence> Evidence => Set<StanceEvidence>();

    public DbSet<StanceRetraction> Retractions => Set<StanceRetraction>();

    public DbSet<StanceCellVersion> CellVersions => Set<StanceCellVersion>();

    public DbSet<SummitDecision> ProposalOutcomes => Set<SummitDecision>();

    public DbSet<DecisionEvidence> DecisionEvidenceItems => Set<DecisionEvidence>();

    public DbSet<DecisionRetraction> DecisionRetractions => Set<DecisionRetraction>();

    public DbSet<ProposalRevision> ProposalRevisions => Set<ProposalRevision>();

    public DbSet<SourceCorrection> SourceCorrections => Set<SourceCorrection>();

    public DbSet<Snapshot> Snapshots => Set<Snapshot>();

    public DbSet<ProposalAlias> ProposalAliases => Set<ProposalAlias>();

    /// <summary>
    /// Every DateTime the tracker stores is UTC (the names say so: RecordedAtUtc, CreatedAtUtc), but
    /// SQLite keeps text without a kind: read back, a value would be Unspecified and serialise
    /// without its Z, and a browser in New York would read it five hours off. Marked UTC on the way in and out.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    // Stored to the microsecond, PostgreSQL's precision, on SQLite too: a deployment copied up
    // (db copy) then reads exactly as it did, to the last digit of every timestamp.
    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        value => ToWholeMicroseconds(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc)),
        stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));

    private static DateTime ToWholeMicroseconds(DateTime utc) => new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<MemberState>(member =>
        {
            member.HasKey(m => m.Alpha3);
            member.Property(m => m.Alpha3).HasMaxLength(3);
            member.Property(m => m.Alpha2).HasMaxLength(2);
            member.Property(m => m.NumericCode).HasMaxLength(3);
            member.HasIndex(m => m.Alpha2).IsUnique();
            member.HasIndex(m => m.NumericCode).IsUnique();
        });

        builder.Entity<Summit>(summit =>
        {
            summit.HasIndex(s => s.Slug).IsUnique();
            summit.HasMany(s => s.Proposals).WithOne(p => p.Summit).HasForeignKey(p => p.SummitId);
        });

        builder.Entity<Proposal>(proposal =>
        {
            proposal.HasIndex(p => p.Slug).IsUnique();
            proposal.Property(p => p.Version).IsConcurrencyToken();
        });

        builder.Entity<ProposalRevision>(revision =>
        {
            revision.HasOne(r => r.Proposal).WithMany().HasForeignKey(r => r.ProposalId).OnDelete(DeleteBehavior.Restrict);
            revision.HasIndex(r => new { r.ProposalId, r.InForceFrom });
            revision.HasIndex(r => r.RecordedAtUtc);
        });

        builder.Entity<SummitDecision>(outcome =>
        {
            outcome.Property(o => o.Outcome).HasConversion<string>();
            outcome.HasOne(o => o.Proposal).WithMany().HasForeignKey(o => o.ProposalId).OnDelete(DeleteBehavior.Restrict);
            outcome.HasOne(o => o.Source).WithMany().HasForeignKey(o => o.SourceId).OnDelete(DeleteBehavior.Restrict);
            outcome.HasMany(o => o.Evidence).WithOne().HasForeignKey(e => e.DecisionId).OnDelete(DeleteBehavior.Restrict);
            outcome.HasIndex(o => o.RecordedAtUtc);
        });

        builder.Entity<DecisionEvidence>(evidence =>
        {
            evidence.ToTable("DecisionEvidence");
            evidence.HasOne(e => e.Source).WithMany().HasForeignKey(e => e.SourceId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<DecisionRetraction>(retraction =>
        {
            retraction.HasOne(r => r.Decision).WithMany().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Restrict);
            retraction.HasIndex(r => r.DecisionId).IsUnique();
            retraction.HasIndex(r => r.RecordedAtUtc);
        });

        builder.Entity<SourceCorrection>(correction =>
        {
            correction.HasOne(c => c.Source).WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Restrict);
            correction.HasIndex(c => c.RecordedAtUtc);
        });

        builder.Entity<Source>(source =>
        {
            source.HasIndex(s => s.Key).IsUnique();
            source.Property(s => s.Kind).HasConversion<string>();
            source.Property(s => s.Version).IsConcurrencyToken();
        });

        builder.Entity<StanceChange>(change =>
        {
            // Stored as the public code ("opts-out"), so the database reads the same as the API.
            change.Property(c => c.Stance).HasConversion(s => s.ToCode(), code => ParseStoredStance(code));
            change.Property(c => c.Origin).HasConversion(new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<EntryOrigin, string>(o => o.ToCode(), code => EntryOrigins.Parse(code))).HasMaxLength(20);
            change.HasOne(c => c.Member).WithMany().HasForeignKey(c => c.MemberAlpha3).OnDelete(DeleteBehavior.Restrict);
            change.HasOne(c => c.Proposal).WithMany().HasForeignKey(c => c.ProposalId).OnDelete(DeleteBehavior.Restrict);
            change.HasMany(c => c.Evidence).WithOne().HasForeignKey(e => e.StanceChangeId).OnDelete(DeleteBehavior.Restrict);
            // A cell's latest entry on a date is one seek backwards along this index, ties and all
            // (SQLite appends the row id to every index entry), however long the history grows.
            change.HasIndex(c => new { c.ProposalId, c.MemberAlpha3, c.EffectiveOn, c.RecordedAtUtc });
            // The newest changes first, for the change feed.
            change.HasIndex(c => c.RecordedAtUtc);
        });

        builder.Entity<StanceEvidence>(evidence =>
            evidence.HasOne(e => e.Source).WithMany().HasForeignKey(e => e.SourceId).OnDelete(DeleteBehavior.Restrict));

        builder.Entity<StanceRetraction>(retraction =>
        {
            retraction.HasOne(r => r.StanceChange).WithMany().HasForeignKey(r => r.StanceChangeId).OnDelete(DeleteBehavior.Restrict);
            // An entry is retracted at most once; retracting it again is a no-op the service refuses.
            retraction.HasIndex(r => r.StanceChangeId).IsUnique();
            retraction.HasIndex(r => r.RecordedAtUtc);
        });

        builder.Entity<ProposalAlias>(alias =>
        {
            alias.HasOne(a => a.Proposal).WithMany().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Restrict);
            alias.HasIndex(a => a.ProposalId);
        });

        builder.Entity<Snapshot>(snapshot =>
        {
            snapshot.Property(s => s.Id).HasMaxLength(16);
            snapshot.HasIndex(s => s.CreatedAtUtc);
            // One scheduled snapshot a day, whichever instance of a cluster freezes it first: the
            // others' inserts give way here, not to a check another instance can pass meanwhile.
            // (Null for editors' snapshots and those frozen before it was kept: never a conflict.)
            snapshot.HasIndex(s => s.DailyOf).IsUnique();
        });

        builder.Entity<StanceCellVersion>(cell =>
        {
            cell.HasKey(c => new { c.MemberAlpha3, c.ProposalId });
            // SQLite has no server-generated row version: the app sets a new Guid on every save.
            cell.Property(c => c.Version).IsConcurrencyToken();
        });

        TextColumns.Configure(builder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseHistoryRewrites();
        TextColumns.Apply(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseHistoryRewrites();
        TextColumns.Apply(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // The stance history is the single source of truth and is append-only. The database refuses
    // UPDATE and DELETE with triggers too; this check fails earlier with a clearer message.
    private void RefuseHistoryRewrites()
    {
        var rewritten = ChangeTracker.Entries()
            .Where(e => e.Entity is StanceChange or StanceEvidence or StanceRetraction or SummitDecision or DecisionEvidence or DecisionRetraction or ProposalRevision or SourceCorrection or Snapshot)
            .FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (rewritten is not null)
        {
            throw new InvalidOperationException(
                $"The stance history and snapshots are append-only: a {rewritten.Metadata.ClrType.Name} cannot be {rewritten.State.ToString().ToLowerInvariant()}.");
        }
    }

    private static Stance ParseStoredStance(string code) =>
        StanceVocabulary.TryParse(code, out var stance)
            ? stance
            : throw new InvalidOperationException($"The database holds an unknown stance code '{code}'.");
}
