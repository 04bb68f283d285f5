using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>
/// An append read against the database: which of the keys it names are there already (as entities
/// tracked by the writing context), what is new, and which rules it breaks. The check and the
/// write both go through it, so an append is judged the same way whether it is previewed or saved.
/// </summary>
internal sealed partial class AppendResolution
{
    private readonly HashSet<string> _members;
    private readonly Dictionary<string, Summit> _summits;
    private readonly Dictionary<string, Proposal> _proposals;
    private readonly Dictionary<string, Source> _sources;

    // Each named cell's entry on record now (not retracted), for the checks that compare with it and for corroboration.
    private Dictionary<(string Member, string Proposal), StanceChange> _current = [];

    // Each named cell's version now: a save on an older one is a conflict, which the ledger reports, not "nothing changed".
    private Dictionary<(string Member, string Proposal), Guid> _versions = [];
    private readonly List<MemberInput> _newMembers = [];
    private readonly List<SummitInput> _newSummits = [];
    private readonly List<ProposalInput> _newProposals = [];
    private readonly List<SourceInput> _newSources = [];
    // Sources given inline with evidence, one row each however many cells cite them (one statement, several cells).
    private readonly Dictionary<SourceInput, Source> _inlineSources = [];
    private readonly HashSet<SourceInput> _newInlineSources = [];

    private AppendResolution(HashSet<string> members, Dictionary<string, Summit> summits, Dictionary<string, Proposal> proposals, Dictionary<string, Source> sources)
    {
        _members = members;
        _summits = summits;
        _proposals = proposals;
        _sources = sources;
    }

    public List<AppendProblem> Problems { get; } = [];

    public AppendCheck Check => new(Problems, _newMembers.Count, _newSummits.Count, _newProposals.Count, _newSources.Count + _newInlineSources.Count);

    public static async Task<AppendResolution> ResolveAsync(AllianceDbContext db, HistoryAppend append, DateOnly today, CancellationToken cancellationToken)
    {
        // Every member: the rule on the size of the alliance counts them all. Of the rest, only what the append names.
        var members = await db.Members.Select(m => m.Alpha3).ToListAsync(cancellationToken);
        var summitSlugs = append.Summits.Select(s => s.Slug).Concat(append.Proposals.Select(p => p.SummitSlug)).Distinct().ToList();
        var proposalSlugs = append.Proposals.Select(p => p.Slug).Concat(append.Changes.Select(c => c.ProposalSlug)).Distinct().ToList();
        var sourceKeys = append.Sources.Select(s => s.Key ?? "")
            .Concat(append.Changes.SelectMany(c => c.Evidence).Where(e => e.NewSource is null).Select(e => e.SourceKey ?? ""))
            .Distinct().ToList();
        var resolution = new AppendResolution(
            members.ToHashSet(StringComparer.Ordinal),
            await db.Summits.Where(s => summitSlugs.Contains(s.Slug)).ToDictionaryAsync(s => s.Slug, StringComparer.Ordinal, cancellationToken),
            await db.Proposals.Where(p => proposalSlugs.Contains(p.Slug)).ToDictionaryAsync(p => p.Slug, StringComparer.Ordinal, cancellationToken),
            await db.Sources.Where(s => sourceKeys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, cancellationToken));
        if (append.ChecksVersions || append.Changes.Any(c => c.AddsEvidence))
        {
            resolution._current = await CurrentEntriesAsync(db, append.Changes, cancellationToken);
            resolution._versions = await CurrentVersionsAsync(db, append.Changes, cancellationToken);
        }

        resolution.Validate(append, today);
        return resolution;
    }

    public Proposal ProposalOf(StanceChangeInput change) => _proposals[change.ProposalSlug];

    /// <summary>Adds the members, summits, proposals (each with its first text revision) and sources that are not there yet.</summary>
    public void AddReferenceData(AllianceDbContext db, string author, DateTime recordedAtUtc)
    {
        db.Members.AddRange(_newMembers.Select(m => m.ToMemberState()));
        foreach (var input in _newSummits)
        {
            db.Summits.Add(_summits[input.Slug] = input.ToSummit());
        }

        foreach (var input in _newProposals)
        {
            var proposal = input.ToProposal(_summits[input.SummitSlug]);
            db.Proposals.Add(_proposals[input.Slug] = proposal);
            db.ProposalRevisions.Add(new ProposalRevision
            {
                Proposal = proposal,
                Title = proposal.Title,
                Description = proposal.Description,
                Proposer = proposal.Proposer,
                Note = "As tabled.",
                RecordedAtUtc = recordedAtUtc,
                RecordedBy = author,
            });
        }

        foreach (var input in _newSources)
        {
            db.Sources.Add(_sources[input.Key!] = input.ToSource(input.Key!));
        }
    }

    /// <summary>
    /// The history entry for <paramref name="change"/>, citing known sources or adding the new ones
    /// it brings. Evidence added to the entry on record keeps that entry's stance, conditions, date,
    /// reason and evidence, and adds its own after them.
    /// </summary>
    public StanceChange ToEntry(StanceChangeInput change, string author, EntryOrigin origin, DateTime recordedAtUtc) =>
        change.AddsEvidence && _current.GetValueOrDefault((change.MemberAlpha3, change.ProposalSlug)) is { } onRecord
            ? new()
            {
                MemberAlpha3 = change.MemberAlpha3,
                Proposal = ProposalOf(change),
                ProposalId = ProposalOf(change).Id,
                Stance = onRecord.Stance,
                Conditions = onRecord.Conditions,
                EffectiveOn = onRecord.EffectiveOn,
                EffectiveOnIsApproximate = onRecord.EffectiveOnIsApproximate,
                Rationale = onRecord.Rationale,
                InterpretationNote = onRecord.InterpretationNote,
                RecordedAtUtc = recordedAtUtc,
                RecordedBy = author,
                Origin = origin,
                AddsEvidenceTo = onRecord.Id,
                Evidence = [
                    .. onRecord.Evidence.OrderBy(e => e.Id).Select(e => new StanceEvidence { SourceId = e.SourceId, Excerpt = e.Excerpt }),
                    .. NewEvidence(change),
                ],
            }
            : NewEntry(change, author, origin, recordedAtUtc);

    private List<StanceEvidence> NewEvidence(StanceChangeInput change) =>
        change.Evidence.Select(e => new StanceEvidence
        {
            Source = e.NewSource is { } added ? InlineSource(added) : _sources[e.SourceKey!],
            Excerpt = e.Excerpt.Trim(),
        }).ToList();

    private Source InlineSource(SourceInput added)
    {
        if (!_inlineSources.TryGetValue(added, out var source))
        {
            _inlineSources[added] = source = added.ToSource(SourceKeys.New(added));
        }

        return source;
    }

    private StanceChange NewEntry(StanceChangeInput change, string author, EntryOrigin origin, DateTime recordedAtUtc) => new()
    {
        MemberAlpha3 = change.MemberAlpha3,
        Proposal = ProposalOf(change),
        ProposalId = ProposalOf(change).Id,
        Stance = change.Stance,
        Conditions = string.IsNullOrWhiteSpace(change.Conditions) ? null : change.Conditions.Trim(),
        EffectiveOn = change.EffectiveOn,
        EffectiveOnIsApproximate = change.EffectiveOnIsApproximate,
        Rationale = change.Rationale.Trim(),
        InterpretationNote = string.IsNullOrWhiteSpace(change.InterpretationNote) ? null : change.InterpretationNote.Trim(),
        RecordedAtUtc = recordedAtUtc,
        RecordedBy = author,
        Origin = origin,
        Evidence = NewEvidence(change),
    };

    private void Validate(HistoryAppend append, DateOnly today)
    {
        for (var i = 0; i < append.Members.Count; i++)
        {
            var member = append.Members[i];
            Report(AppendPart.Members, i, MemberRules.Check(member, today));
            AddIfNew(AppendPart.Members, i, "alpha3", member.Alpha3, _members.Contains(member.Alpha3), _newMembers, member, m => m.Alpha3);
        }

        if (MemberRules.CheckAllianceSize(_members.Count + _newMembers.Count) is { } tooMany)
        {
            Problems.Add(new(AppendPart.Members, append.Members.Count - 1, "alpha3", tooMany));
        }

        for (var i = 0; i < append.Summits.Count; i++)
        {
            var summit = append.Summits[i];
            Report(AppendPart.Summits, i, SummitRules.Check(summit));
            AddIfNew(AppendPart.Summits, i, "slug", summit.Slug, _summits.ContainsKey(summit.Slug), _newSummits, summit, s => s.Slug);
        }

        for (var i = 0; i < append.Proposals.Count; i++)
        {
            var proposal = append.Proposals[i];
            Report(AppendPart.Proposals, i, ProposalRules.Check(proposal, today));
            if (!_summits.ContainsKey(proposal.SummitSlug) && !_newSummits.Any(s => s.Slug == proposal.SummitSlug))
            {
                Problems.Add(new(AppendPart.Proposals, i, "summit", $"There is no summit '{proposal.SummitSlug}'."));
            }

            AddIfNew(AppendPart.Proposals, i, "slug", proposal.Slug, _proposals.ContainsKey(proposal.Slug), _newProposals, proposal, p => p.Slug);
        }

        for (var i = 0; i < append.Sources.Count; i++)
        {
            var source = append.Sources[i];
            Report(AppendPart.Sources, i, SourceRules.Check(source, today));
            if (source.Key is null)
            {
                Problems.Add(new(AppendPart.Sources, i, "key", "A source given on its own needs its key."));
                continue;
            }

            AddIfNew(AppendPart.Sources, i, "key", source.Key, _sources.ContainsKey(source.Key), _newSources, source, s => s.Key!);
        }

        for (var i = 0; i < append.Changes.Count; i++)
        {
            ValidateChange(i, append.Changes[i], today, append.ChecksVersions);
        }
    }

    private void ValidateChange(int index, StanceChangeInput change, DateOnly today, bool comparesWithRecord)
    {
        var onRecord = _current.GetValueOrDefault((change.MemberAlpha3, change.ProposalSlug));
        if (change.AddsEvidence)
        {
            Report(AppendPart.Changes, index, StanceRules.CheckEvidence(change.Evidence, today, "Quote the source you add as evidence.", "show the stance"));
            if (onRecord is null)
            {
                Problems.Add(new(AppendPart.Changes, index, "stance", "There is no stance on record to add evidence to: record the stance the evidence shows instead."));
            }
        }
        else
        {
            Report(AppendPart.Changes, index, StanceRules.Check(change, today));
            if (_proposals.GetValueOrDefault(change.ProposalSlug) is { TabledOnIsApproximate: false, TabledOn: { } tabled } && change.EffectiveOn < tabled)
            {
                // As for decisions: a stance on a proposal nobody had tabled yet would show a change to something that did not exist.
                Problems.Add(new(AppendPart.Changes, index, "effectiveOn", $"{change.EffectiveOn.ToIso()} is before the proposal was tabled ({tabled.ToIso()})."));
            }

            var seenCurrent = change.ExpectedVersion is not { } seen || _versions.GetValueOrDefault((change.MemberAlpha3, change.ProposalSlug)) == seen;
            if (comparesWithRecord && seenCurrent && onRecord is not null && onRecord.Stance == change.Stance && onRecord.EffectiveOn == change.EffectiveOn
                && (onRecord.Conditions ?? "") == (TextPolicy.Clean(change.Conditions) ?? "")
                && (onRecord.InterpretationNote ?? "") == (TextPolicy.Clean(change.InterpretationNote) ?? ""))
            {
                Problems.Add(new(AppendPart.Changes, index, "stance",
                    "Nothing changed: this is the stance on record, with the same conditions, date and interpretation note. To cite another source for it, add the evidence to the existing entry instead."));
            }
        }

        if (!_members.Contains(change.MemberAlpha3) && !_newMembers.Any(m => m.Alpha3 == change.MemberAlpha3))
        {
            Problems.Add(new(AppendPart.Changes, index, "member", $"There is no member with the code '{change.MemberAlpha3}'."));
        }

        if (!_proposals.ContainsKey(change.ProposalSlug) && !_newProposals.Any(p => p.Slug == change.ProposalSlug))
        {
            Problems.Add(new(AppendPart.Changes, index, "proposal", $"There is no proposal with the slug '{change.ProposalSlug}'."));
        }

        for (var j = 0; j < change.Evidence.Count; j++)
        {
            var evidence = change.Evidence[j];
            if (evidence.NewSource is not null)
            {
                _newInlineSources.Add(evidence.NewSource);
            }
            else if (!string.IsNullOrWhiteSpace(evidence.SourceKey) && !_sources.ContainsKey(evidence.SourceKey) && !_newSources.Any(s => s.Key == evidence.SourceKey))
            {
                Problems.Add(new(AppendPart.Changes, index, $"evidence[{j}].source", $"There is no source with the key '{evidence.SourceKey}'; pick one or add a new source."));
            }
        }
    }

    private void AddIfNew<T>(AppendPart part, int index, string field, string key, bool present, List<T> added, T item, Func<T, string> keyOf)
    {
        if (present)
        {
            return;
        }

        if (added.Any(a => keyOf(a) == key))
        {
            Problems.Add(new(part, index, field, $"'{key}' is listed twice."));
            return;
        }

        added.Add(item);
    }

    private void Report(AppendPart part, int index, IEnumerable<FieldProblem> problems) =>
        Problems.AddRange(problems.Select(p => new AppendProblem(part, index, p.Field, p.Message)));
}
