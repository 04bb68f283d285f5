using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Components;

/// <summary>
/// One piece of evidence as an editor fills it in: a listed source or a new one, and the excerpt.
/// Nothing is chosen for the editor: no source, no kind of source, until they pick one.
/// </summary>
public sealed class EvidenceDraft
{
    public bool AddsSource { get; set; }

    public string? SourceKey { get; set; }

    public string? Title { get; set; }

    public string? Outlet { get; set; }

    public string? Url { get; set; }

    public string? Published { get; set; }

    public bool PublishedIsApproximate { get; set; }

    public SourceKind? Kind { get; set; }

    public string? Excerpt { get; set; }

    /// <summary>
    /// The drafts as the domain's inputs. What the domain's rules cannot see (a date that is not a
    /// date, a kind not chosen) goes into <paramref name="problems"/> under the field the rules use.
    /// </summary>
    public static List<EvidenceInput> ToInputs(IReadOnlyList<EvidenceDraft> drafts, FieldProblems problems)
    {
        var inputs = new List<EvidenceInput>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            if (!draft.AddsSource)
            {
                inputs.Add(new EvidenceInput(draft.SourceKey, draft.Excerpt ?? ""));
                continue;
            }

            inputs.Add(new EvidenceInput(null, draft.Excerpt ?? "", draft.ToSourceInput(problems, i)));
        }

        return inputs;
    }

    /// <summary>
    /// The new source this draft describes; a date that is not a date or a kind not chosen goes
    /// into <paramref name="problems"/> under "evidence[<paramref name="index"/>].newSource.…".
    /// </summary>
    public SourceInput ToSourceInput(FieldProblems problems, int index = 0)
    {
        DateOnly? published = null;
        if (!string.IsNullOrWhiteSpace(Published))
        {
            problems.Add($"evidence[{index}].newSource.publishedOn", IsoDate.TryParse(Published, out var date) ? null : "Give a date, or leave it empty.");
            published = date;
        }

        problems.Add($"evidence[{index}].newSource.kind", Kind is null ? "Say what kind of source it is." : null);
        return new SourceInput(null, Title ?? "", Outlet ?? "", Url, published, PublishedIsApproximate, Kind ?? SourceKind.NewsReport);
    }

    /// <summary>How pages name a kind of source.</summary>
    public static string LabelOf(SourceKind kind) => kind switch
    {
        SourceKind.NewsReport => "News report",
        SourceKind.OfficialStatement => "Official statement",
        SourceKind.Declaration => "Declaration",
        SourceKind.Interview => "Interview",
        SourceKind.Analysis => "Analysis",
        _ => kind.ToString(),
    };
}
