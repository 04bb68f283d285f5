namespace AllianceTracker.Web.Domain;

/// <summary>The rules every recorded stance obeys, whoever records it (docs/domain.md).</summary>
public static class StanceRules
{
    public const int MaxExcerptWords = 40;

    /// <summary>
    /// Everything that can be checked without the database: that the member, the proposal and each
    /// cited source exist is for the write path to check.
    /// </summary>
    public static IEnumerable<FieldProblem> Check(StanceChangeInput change, DateOnly today)
    {
        if (!CodePatterns.IsAlpha3(change.MemberAlpha3))
        {
            yield return new("member", $"'{change.MemberAlpha3}' is not a member's alpha-3 code, e.g. HUN.");
        }

        if (string.IsNullOrWhiteSpace(change.ProposalSlug))
        {
            yield return new("proposal", "Name the proposal by its slug, e.g. ukraine-fund.");
        }

        if (CheckConditions(change.Stance, change.Conditions) is { } conditions)
        {
            yield return new("conditions", conditions);
        }

        if (CheckEffectiveDate(change.EffectiveOn, today) is { } effective)
        {
            yield return new("effectiveOn", effective);
        }

        if (CheckRationale(change.Rationale) is { } rationale)
        {
            yield return new("rationale", rationale);
        }

        if (CheckInterpretationNote(change.InterpretationNote) is { } interpretation)
        {
            yield return new("interpretationNote", interpretation);
        }

        foreach (var problem in CheckEvidence(change.Evidence, today, "A stance needs evidence: quote at least one source.", "show the stance"))
        {
            yield return problem;
        }
    }

    /// <summary>
    /// Evidence for a stance or a decision: at least one item, each citing a listed source (by key)
    /// or a valid new one, each with a verbatim excerpt of at most <see cref="MaxExcerptWords"/> words.
    /// </summary>
    public static IEnumerable<FieldProblem> CheckEvidence(IReadOnlyList<EvidenceInput> evidence, DateOnly today, string whenMissing, string whatItShows)
    {
        if (evidence.Count == 0)
        {
            yield return new("evidence", whenMissing);
        }

        for (var i = 0; i < evidence.Count; i++)
        {
            var item = evidence[i];
            if (item.NewSource is { } added)
            {
                foreach (var problem in SourceRules.Check(added, today))
                {
                    yield return problem with { Field = $"evidence[{i}].newSource.{problem.Field}" };
                }
            }
            else if (string.IsNullOrWhiteSpace(item.SourceKey))
            {
                yield return new($"evidence[{i}].source", "Pick the source you quote, or add a new one.");
            }

            if (CheckExcerpt(item.Excerpt, whatItShows) is { } excerpt)
            {
                yield return new($"evidence[{i}].excerpt", excerpt);
            }
        }
    }

    public static string? CheckConditions(Stance stance, string? conditions) =>
        stance == Stance.Conditional && string.IsNullOrWhiteSpace(conditions)
            ? "A conditional stance must state its conditions."
            : TextPolicy.Check(conditions, TextPolicy.Note);

    public static string? CheckEffectiveDate(DateOnly effectiveOn, DateOnly today) =>
        effectiveOn > today ? $"{effectiveOn.ToIso()} is in the future; a stance takes effect on or before today." : null;

    public static string? CheckRationale(string? rationale) =>
        string.IsNullOrWhiteSpace(rationale) ? "Say in one line why the evidence supports this stance." : TextPolicy.Check(rationale, TextPolicy.Note);

    /// <summary>An interpretation note is optional; given, it is a note like any other (blank means none).</summary>
    public static string? CheckInterpretationNote(string? note) => TextPolicy.Check(note, TextPolicy.Note);

    public static string? CheckExcerpt(string? excerpt, string whatItShows = "show the stance")
    {
        if (string.IsNullOrWhiteSpace(excerpt))
        {
            return $"The excerpt is empty: quote the words that {whatItShows}.";
        }

        var words = CountWords(excerpt);
        return words > MaxExcerptWords ? $"The excerpt has {words} words; quote at most {MaxExcerptWords}." : TextPolicy.Check(excerpt, TextPolicy.Note);
    }

    /// <summary>A retraction says why the entry was wrong, for the audit trail and the feed.</summary>
    public static string? CheckRetractionReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "Say why the entry is retracted." : TextPolicy.Check(reason, TextPolicy.Note);

    public static int CountWords(string? text) => (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>Reads a published stance code; the problem names the codes there are.</summary>
    public static string? ParseStance(string? code, out Stance stance) =>
        StanceVocabulary.TryParse(code, out stance) ? null : $"'{code}' is not a stance code; use one of {StanceVocabulary.CodeList}.";
}
