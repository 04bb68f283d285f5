using AllianceTracker.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// Turns the author the history stores (an account's sign-in name, "seed", "import:…") into the
/// name readers see: the account's public display name, never its login. Logins are sign-in
/// secrets half-told: shown to anonymous readers they invite phishing and lock-outs.
/// </summary>
public sealed class AuthorDirectory(IDbContextFactory<AllianceDbContext> dbFactory)
{
    /// <summary>The claim an account's display name is kept in (an Identity user claim, so the sign-in cookie carries it too).</summary>
    public const string DisplayNameClaim = "alliance:display-name";

    public const string SeedAuthor = "seed";
    public const string ImportPrefix = "import:";

    /// <summary>The author of what the app's command line writes (snapshots, imports), run by whoever has the machine.</summary>
    public const string CommandLineAuthor = "command-line";

    // The key under which the seed's own credit is kept with the accounts' names (no login can contain a space).
    private const string SeedCreditKey = "seed credit";

    /// <summary>The author of the daily snapshots the app freezes by itself; readers see "scheduled".</summary>
    public const string ScheduledAuthor = "scheduled";

    /// <summary>The author of records a migration made from what was there (e.g. proposals' first text revisions).</summary>
    public const string MigrationAuthor = "migration";

    private volatile Directory? _names;

    /// <summary>
    /// The public name of every stored author, kept until <see cref="Forget"/> or until the number
    /// of accounts changes: the command line's <c>users add</c> runs in another process, which
    /// cannot call Forget, and its editor's entries must not read "A former editor".
    /// </summary>
    public async Task<Func<string, string>> GetAsync(CancellationToken cancellationToken = default)
    {
        int accounts;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            accounts = await db.Users.CountAsync(cancellationToken);
        }

        var known = _names;
        if (known is null || known.Accounts != accounts)
        {
            known = _names = new Directory(await LoadAsync(cancellationToken), accounts);
        }

        var names = known.Names;
        return author => PublicName(author, names);
    }

    private sealed record Directory(IReadOnlyDictionary<string, string?> Names, int Accounts);

    /// <summary>An account was added or renamed: read the names again on next use.</summary>
    public void Forget() => _names = null;

    internal static string PublicName(string author, IReadOnlyDictionary<string, string?> names)
    {
        if (author == SeedAuthor)
        {
            // What the seeded entries come from, in words: the article they were read from.
            return names.GetValueOrDefault(SeedCreditKey) ?? "Seed import";
        }

        if (author == CommandLineAuthor)
        {
            return "the command line";
        }

        if (author == ScheduledAuthor)
        {
            return "scheduled";
        }

        if (author == MigrationAuthor)
        {
            return "Carried over when revisions began";
        }

        if (author.StartsWith(ImportPrefix, StringComparison.Ordinal))
        {
            return "Dataset import by " + PublicName(author[ImportPrefix.Length..], names);
        }

        return names.TryGetValue(author, out var name)
            ? name ?? "An editor (no display name set)"
            : "A former editor";
    }

    private async Task<IReadOnlyDictionary<string, string?>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking()
            .Where(u => u.UserName != null)
            .Select(u => new
            {
                UserName = u.UserName!,
                DisplayName = db.UserClaims.Where(c => c.UserId == u.Id && c.ClaimType == DisplayNameClaim).Select(c => c.ClaimValue).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var names = accounts.ToDictionary(a => a.UserName, a => a.DisplayName, StringComparer.Ordinal);
        names[SeedCreditKey] = await SeedCreditAsync(db, cancellationToken);
        return names;
    }

    /// <summary>"Seed import, from the seed article (ICARO Media Group, c. 3 April 2024)": the source the seeded entries cite.</summary>
    private static async Task<string?> SeedCreditAsync(AllianceDbContext db, CancellationToken cancellationToken)
    {
        var source = await db.Evidence.AsNoTracking()
            .Where(e => db.StanceChanges.Any(c => c.Id == e.StanceChangeId && c.RecordedBy == SeedAuthor))
            .OrderBy(e => e.Id)
            .Select(e => new { e.Source!.Outlet, e.Source.PublishedOn, e.Source.PublishedOnIsApproximate })
            .FirstOrDefaultAsync(cancellationToken);
        return source is null ? null
            : $"Seed import, from the seed article ({source.Outlet}{(source.PublishedOn is { } on ? $", {(source.PublishedOnIsApproximate ? "c. " : "")}{on.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}" : "")})";
    }
}
