using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// Corrects a source's details (its key stays), keeping what they were, why and who in the
/// source's corrections. Every quote from it reads the corrected details from then on.
/// </summary>
/// <exception cref="EditValidationException">A rule is broken; nothing was written.</exception>
/// <exception cref="VersionConflictException">The source was corrected since the editor read it; nothing was written.</exception>
public sealed class CorrectSource(string key, SourceInput input, string reason, Guid? expectedVersion, HistoryVersions versions) : ILedgerWrite<Source>
{
    public async Task<LedgerStep<Source>> ApplyAsync(LedgerContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var found = await db.Sources.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        var problems = new FieldProblems();
        problems.Add("source", found is null ? $"There is no source with the key '{key}'." : null);
        problems.Add(SourceRules.Check(input with { Key = null }, context.Today));
        problems.Add("reason", string.IsNullOrWhiteSpace(reason) ? "Say what was wrong, for the record." : null);
        problems.ThrowIfAny();

        var source = found!;
        db.SourceCorrections.Add(new SourceCorrection
        {
            SourceId = source.Id,
            Before = Describe(source),
            Reason = reason.Trim(),
            RecordedAtUtc = context.RecordedAtUtc,
            RecordedBy = context.Author,
        });
        var corrected = input.ToSource(key);
        (source.Title, source.Outlet, source.Url, source.PublishedOn, source.PublishedOnIsApproximate, source.Kind) =
            (corrected.Title, corrected.Outlet, corrected.Url, corrected.PublishedOn, corrected.PublishedOnIsApproximate, corrected.Kind);
        source.Version = RowVersions.Next("source", key, source.Version, expectedVersion);
        return new LedgerStep<Source>(source, [])
        {
            Conflict = async () => new VersionConflictException("source", key, await versions.OfSourceAsync(key, cancellationToken)),
        };
    }

    private static string Describe(Source s) =>
        string.Join(" · ", new[]
        {
            s.Title, s.Outlet, s.PublishedOn is { } on ? $"{(s.PublishedOnIsApproximate ? "c. " : "")}{on.ToIso()}" : "undated",
            SourceKindCodes.ToCode(s.Kind), s.Url ?? "no URL",
        });
}
