using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Api;

// The request shapes every write that cites evidence shares (stances, decisions), and their
// reading into the domain's inputs, so both name their fields and refuse bad codes the same way.

public static class EvidenceBodies
{
    /// <summary>The evidence as inputs; a problem with a code or date goes into <paramref name="errors"/> under its field.</summary>
    public static List<EvidenceInput> Read(IReadOnlyList<EvidenceBody>? bodies, Dictionary<string, string[]> errors)
    {
        var evidence = new List<EvidenceInput>();
        for (var i = 0; i < (bodies?.Count ?? 0); i++)
        {
            var item = bodies![i];
            SourceInput? added = null;
            if (item.NewSource is { } source)
            {
                var kind = SourceKind.NewsReport;
                if (source.Kind is not null && SourceRules.ParseKind(source.Kind, out kind) is { } unknownKind)
                {
                    errors[$"evidence[{i}].newSource.kind"] = [unknownKind];
                }

                added = new SourceInput(null, source.Title ?? "", source.Outlet ?? "", source.Url,
                    (source.Published ?? source.PublishedDate) is not { } published ? null
                        : ReadDate(published, $"evidence[{i}].newSource.{(source.Published is null ? "publishedDate" : "published")}", errors),
                    source.PublishedApproximate, kind);
            }

            evidence.Add(new EvidenceInput(item.Source, item.Excerpt ?? "", added));
        }

        return evidence;
    }

    /// <summary>A required ISO date; a problem goes into <paramref name="errors"/> under <paramref name="field"/>.</summary>
    public static DateOnly? ReadDate(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (IsoDate.TryParse(text, out var date))
        {
            return date;
        }

        errors[field] = [IsoDate.NotADate(text)];
        return null;
    }
}
