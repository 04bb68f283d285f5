using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// Checks a dataset that was read: the format's own rules (version, dates, every reference inside
/// the file, nothing listed twice) and the domain's rules for each record, the same functions the
/// write path runs. Every problem is reported at its JSON path, all of them at once.
/// </summary>
public sealed class DatasetValidator
{
    private readonly List<ImportProblem> _problems = [];
    private readonly DateOnly _today;

    private DatasetValidator(DateOnly today) => _today = today;

    public static IReadOnlyList<ImportProblem> Check(ExportDocument document, DateOnly today)
    {
        var validator = new DatasetValidator(today);
        validator.CheckDocument(document);
        return validator._problems;
    }

    private void CheckDocument(ExportDocument d)
    {
        if (d.Format != ExportDocument.FormatName)
        {
            Problem("$.format", $"expected '{ExportDocument.FormatName}', found '{d.Format}'.");
        }

        if (!ExportDocument.ReadableVersions.Contains(d.Version))
        {
            Problem("$.version", $"this server reads versions {string.Join(" and ", ExportDocument.ReadableVersions.Order())}, the file is version {d.Version}.");
        }

        var asOf = Date(d.AsOf, "$.asOf");
        if (asOf > _today)
        {
            Problem("$.asOf", "the date is in the future.");
        }

        CheckMembers(d.Members);
        CheckSummits(d.Summits);
        CheckProposals(d.Proposals, d.Summits.Select(s => s.Slug).ToHashSet());
        CheckSources(d.Sources);
        CheckDecisions(d);
        CheckPositions(d, asOf);
        for (var i = 0; i < d.Consensus.Count; i++)
        {
            if (!d.Proposals.Any(p => p.Slug == d.Consensus[i].Proposal))
            {
                Problem($"$.consensus[{i}].proposal", $"no proposal '{d.Consensus[i].Proposal}' in $.proposals.");
            }

            // A decided proposal's status is its decision's code (version 2).
            if (!ConsensusStatusCodes.Map.TryParse(d.Consensus[i].Status, out _) && !ProposalOutcomeCodes.DecisionCodes.Contains(d.Consensus[i].Status))
            {
                Problem($"$.consensus[{i}].status", $"'{d.Consensus[i].Status}' is not one of {ConsensusStatusCodes.Map.CodeList}, {string.Join(", ", ProposalOutcomeCodes.DecisionCodes)}.");
            }
        }
    }

    private void CheckMembers(IReadOnlyList<ExportMember> members)
    {
        if (MemberRules.CheckAllianceSize(members.Count) is { } tooMany)
        {
            Problem($"$.members[{MemberRules.AllianceSize}]", tooMany);
        }

        Unique(members.Select(m => m.Alpha3), "$.members", "alpha3");
        Unique(members.Select(m => m.Alpha2), "$.members", "alpha2");
        Unique(members.Select(m => m.Numeric), "$.members", "numeric");
        for (var i = 0; i < members.Count; i++)
        {
            Report($"$.members[{i}]", MemberRules.Check(DatasetInputs.Member(members[i]), _today));
        }
    }

    private void CheckSummits(IReadOnlyList<ExportSummit> summits)
    {
        Unique(summits.Select(s => s.Slug), "$.summits", "slug");
        for (var i = 0; i < summits.Count; i++)
        {
            var starts = Date(summits[i].StartsOn, $"$.summits[{i}].startsOn");
            var ends = Date(summits[i].EndsOn, $"$.summits[{i}].endsOn");
            if (starts is not null && ends is not null)
            {
                Report($"$.summits[{i}]", SummitRules.Check(DatasetInputs.Summit(summits[i])));
            }
        }
    }

    private void CheckProposals(IReadOnlyList<ExportProposal> proposals, HashSet<string> summits)
    {
        Unique(proposals.Select(p => p.Slug), "$.proposals", "slug");
        for (var i = 0; i < proposals.Count; i++)
        {
            var p = proposals[i];
            if (!summits.Contains(p.Summit))
            {
                Problem($"$.proposals[{i}].summit", $"no summit '{p.Summit}' in $.summits.");
            }

            if (!ProposalOutcomeCodes.Map.TryParse(p.Outcome, out _))
            {
                Problem($"$.proposals[{i}].outcome", $"'{p.Outcome}' is not one of {ProposalOutcomeCodes.Map.CodeList}.");
            }

            Date(p.DecidedOn, $"$.proposals[{i}].decidedOn", required: false);
            if (p.TabledOn is null || Date(p.TabledOn, $"$.proposals[{i}].tabledOn") is not null)
            {
                Report($"$.proposals[{i}]", ProposalRules.Check(DatasetInputs.Proposal(p), _today).Where(problem => problem.Field != "summit"));
            }
        }
    }

    private void CheckDecisions(ExportDocument d)
    {
        var sources = d.Sources.Select(s => s.Key).ToHashSet();
        var proposals = d.Proposals.Select(p => p.Slug).ToHashSet();
        for (var i = 0; i < d.Proposals.Count; i++)
        {
            if (d.Proposals[i].Decision is not { } decision)
            {
                continue;
            }

            var path = $"$.proposals[{i}].decision";
            if (decision.Outcome != d.Proposals[i].Outcome) Problem($"{path}.outcome", $"'{decision.Outcome}' differs from the proposal's outcome '{d.Proposals[i].Outcome}'.");
            if (decision.DecidedOn != d.Proposals[i].DecidedOn) Problem($"{path}.decidedOn", "differs from the proposal's decidedOn.");
            if (decision.ReplacedBy is { } replacedBy && !proposals.Contains(replacedBy)) Problem($"{path}.replacedBy", $"no proposal '{replacedBy}' in $.proposals.");
            for (var j = 0; j < decision.Evidence.Count; j++)
            {
                if (!sources.Contains(decision.Evidence[j].Source))
                {
                    Problem($"{path}.evidence[{j}].source", $"no source '{decision.Evidence[j].Source}' in $.sources.");
                }
            }
        }
    }

    private void CheckSources(IReadOnlyList<ExportSource> sources)
    {
        Unique(sources.Select(s => s.Key), "$.sources", "key");
        for (var i = 0; i < sources.Count; i++)
        {
            var s = sources[i];
            if (SourceRules.ParseKind(s.Kind, out _) is { } kind)
            {
                Problem($"$.sources[{i}].kind", kind);
            }

            if (s.Published is null || Date(s.Published, $"$.sources[{i}].published") is not null)
            {
                Report($"$.sources[{i}]", SourceRules.Check(DatasetInputs.Source(s), _today));
            }
        }
    }

    private void CheckPositions(ExportDocument d, DateOnly? asOf)
    {
        var members = d.Members.Select(m => m.Alpha3).ToHashSet();
        var proposals = d.Proposals.Select(p => p.Slug).ToHashSet();
        var sources = d.Sources.Select(s => s.Key).ToHashSet();
        var cells = new HashSet<(string, string)>();
        for (var i = 0; i < d.Positions.Count; i++)
        {
            var p = d.Positions[i];
            var path = $"$.positions[{i}]";
            if (!members.Contains(p.Member)) Problem($"{path}.member", $"no member '{p.Member}' in $.members.");
            if (!proposals.Contains(p.Proposal)) Problem($"{path}.proposal", $"no proposal '{p.Proposal}' in $.proposals.");
            if (!cells.Add((p.Member, p.Proposal))) Problem(path, $"{p.Member} on {p.Proposal} is listed twice.");
            if (StanceRules.ParseStance(p.Stance, out var stance) is { } unknownCode)
            {
                Problem($"{path}.stance", unknownCode);
                continue;
            }

            if (StanceRules.CheckConditions(stance, p.Conditions) is { } conditions)
            {
                Problem($"{path}.conditions", conditions);
            }

            if (stance == Stance.Unknown)
            {
                // "No position on record" needs no date, rationale or evidence.
                continue;
            }

            if (Date(p.EffectiveDate, $"{path}.effectiveDate") is not { } effective)
            {
                continue;
            }

            if (effective > asOf)
            {
                Problem($"{path}.effectiveDate", "the stance takes effect after the dataset's asOf date.");
            }

            // Member, proposal and conditions were checked above, in the format's terms.
            Report(path, StanceRules.Check(DatasetInputs.Change(p), _today).Where(problem => problem.Field is not ("member" or "proposal" or "conditions")));
            for (var j = 0; j < p.Evidence.Count; j++)
            {
                if (!string.IsNullOrWhiteSpace(p.Evidence[j].Source) && !sources.Contains(p.Evidence[j].Source))
                {
                    Problem($"{path}.evidence[{j}].source", $"no source '{p.Evidence[j].Source}' in $.sources.");
                }
            }
        }
    }

    private DateOnly? Date(string? value, string path, bool required = true)
    {
        if (value is null)
        {
            if (required)
            {
                Problem(path, "a date is required.");
            }

            return null;
        }

        if (!IsoDate.TryParse(value, out var date))
        {
            Problem(path, IsoDate.NotADate(value));
            return null;
        }

        return date;
    }

    private void Unique(IEnumerable<string> values, string path, string field)
    {
        var seen = new HashSet<string>();
        var index = 0;
        foreach (var value in values)
        {
            if (!seen.Add(value))
            {
                Problem($"{path}[{index}].{field}", $"'{value}' appears twice.");
            }

            index++;
        }
    }

    private void Report(string path, IEnumerable<FieldProblem> problems)
    {
        foreach (var problem in problems)
        {
            Problem($"{path}.{DatasetInputs.JsonField(problem.Field)}", problem.Message);
        }
    }

    private void Problem(string path, string message) => _problems.Add(new ImportProblem(path, message));
}
