using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.Seeding;

/// <summary>
/// Checks every record of the seed files with the domain's rules (the functions the write path
/// runs) and the files' own rules (codes, nothing listed twice). Each error names the file and the
/// entry. Whether a member, proposal or source that a stance names exists is the write path's
/// check: it may be in the files or already in the database.
/// </summary>
internal sealed class SeedValidator
{
    private readonly List<string> _errors = [];

    public static List<string> Check(SeedDataset seeds, DateOnly today)
    {
        var validator = new SeedValidator();
        validator.CheckAll(seeds, today);
        return validator._errors;
    }

    /// <summary>How an error names its place: file, list, index and what the entry is.</summary>
    public static string Entry(string file, string list, int index, string key) => $"{file}: {list}[{index}] ({key})";

    private void CheckAll(SeedDataset seeds, DateOnly today)
    {
        var (alpha3, alpha2, numeric) = (NewSet(), NewSet(), NewSet());
        for (var i = 0; i < seeds.Members.Members.Count; i++)
        {
            var member = seeds.Members.Members[i];
            var entry = Entry(SeedImporter.MembersFileName, "members", i, member.Alpha3);
            Report(entry, MemberRules.Check(member.ToInput(), today));
            Once(entry, "alpha3", member.Alpha3, alpha3);
            Once(entry, "alpha2", member.Alpha2, alpha2);
            Once(entry, "numeric", member.Numeric, numeric);
        }

        var keys = NewSet();
        for (var i = 0; i < seeds.Sources.Sources.Count; i++)
        {
            var source = seeds.Sources.Sources[i];
            var entry = Entry(SeedImporter.SourcesFileName, "sources", i, source.Key);
            Add(entry, "kind", SourceRules.ParseKind(source.Kind, out _));
            Report(entry, SourceRules.Check(source.ToInput(), today));
            Once(entry, "key", source.Key, keys);
        }

        var (summitSlugs, proposalSlugs) = (NewSet(), NewSet());
        for (var i = 0; i < seeds.Summits.Summits.Count; i++)
        {
            var summit = seeds.Summits.Summits[i];
            var entry = Entry(SeedImporter.SummitsFileName, "summits", i, summit.Slug);
            Report(entry, SummitRules.Check(summit.ToInput()));
            Once(entry, "slug", summit.Slug, summitSlugs);
            for (var j = 0; j < summit.Proposals.Count; j++)
            {
                var proposal = summit.Proposals[j];
                var proposalEntry = $"{SeedImporter.SummitsFileName}: summits[{i}].proposals[{j}] ({proposal.Slug})";
                Report(proposalEntry, ProposalRules.Check(proposal.ToInput(summit.Slug), today));
                Once(proposalEntry, "slug", proposal.Slug, proposalSlugs);
            }
        }

        var cells = new HashSet<(string, string, DateOnly)>();
        for (var i = 0; i < seeds.Stances.Stances.Count; i++)
        {
            var stance = seeds.Stances.Stances[i];
            var entry = Entry(SeedImporter.StancesFileName, "stances", i, stance.Label);
            Add(entry, "stance", StanceRules.ParseStance(stance.Stance, out _));
            Report(entry, StanceRules.Check(stance.ToInput(), today));
            if (!cells.Add((stance.Member, stance.Proposal, stance.EffectiveOn)))
            {
                _errors.Add($"{entry}: listed twice: {stance.Label} effective {stance.EffectiveOn.ToIso()} is already in the file.");
            }
        }
    }

    private static HashSet<string> NewSet() => new(StringComparer.Ordinal);

    private void Once(string entry, string field, string value, HashSet<string> seen)
    {
        if (!seen.Add(value))
        {
            _errors.Add($"{entry}: {field}: listed twice: {value} is already in the file.");
        }
    }

    private void Report(string entry, IEnumerable<FieldProblem> problems) =>
        _errors.AddRange(problems.Select(p => $"{entry}: {p.Field}: {p.Message}"));

    private void Add(string entry, string field, string? problem)
    {
        if (problem is not null)
        {
            _errors.Add($"{entry}: {field}: {problem}");
        }
    }
}
