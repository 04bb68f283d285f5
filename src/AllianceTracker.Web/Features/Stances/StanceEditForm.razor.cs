using AllianceTracker.Web.Components;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.History;
using AllianceTracker.Web.Features.Positions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace AllianceTracker.Web.Features.Stances;

/// <summary>The form's state, checks and save (the markup is in StanceEditForm.razor).</summary>
public partial class StanceEditForm
{
    /// <summary>What the save does: a new stance (for this cell and any the statement also covers), or evidence for the stance on record.</summary>
    private enum FormMode
    {
        NewStance,
        AddEvidence,
    }

    private Dictionary<string, string[]> _errors = [];
    private IReadOnlyList<SourceSummary> _sources = [];
    private AlliancePicture? _picture;
    private CellState? _current;
    private Guid? _version;
    private readonly Dictionary<StanceCell, CellState> _conflicts = [];
    private string? _failure;
    private bool _saving;
    private FormMode _mode = FormMode.NewStance;

    // Nothing is chosen for the editor: no stance, no date, no conditions, no source, no kind of source.
    private Stance? _stance;
    private string? _conditions;
    private string? _effectiveOn;
    private string? _rationale;
    private bool _interpreted;
    private string? _interpretationNote;
    private readonly List<EvidenceDraft> _evidence = [new()];
    private readonly List<StatementCell> _more = [];

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Parameter, EditorRequired]
    public required string MemberAlpha3 { get; set; }

    [Parameter, EditorRequired]
    public required string ProposalSlug { get; set; }

    /// <summary>The date of the view the editor opened the form from; null or today for the current picture.</summary>
    [Parameter]
    public DateOnly? ViewedOn { get; set; }

    /// <summary>The entries written: one, or one per cell the statement covers.</summary>
    [Parameter]
    public EventCallback<IReadOnlyList<StanceChange>> OnSaved { get; set; }

    [Parameter]
    public EventCallback OnCancel { get; set; }

    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    private string MemberNameHere => _picture?.FindMember(MemberAlpha3)?.Name ?? MemberAlpha3;

    private string ProposalTitleHere => _picture?.FindProposal(ProposalSlug)?.Proposal.Title ?? ProposalSlug;

    private string SaveLabel => _mode == FormMode.AddEvidence ? "Add evidence" : _more.Count > 0 ? $"Save for {_more.Count + 1} cells" : "Save";

    // The member's other undecided proposals at the same summit, not already in the statement.
    private IEnumerable<ProposalSummary> OtherProposals =>
        _picture is null || _picture.FindProposal(ProposalSlug) is not { } here ? []
            : _picture.Proposals.Where(p => p.SummitSlug == here.Proposal.SummitSlug && p.Slug != ProposalSlug
                && !_more.Any(c => c.MemberAlpha3 == MemberAlpha3 && c.ProposalSlug == p.Slug));

    private IEnumerable<MemberSummary> OtherMembers =>
        _picture is null ? [] : _picture.Members.Where(m => m.Alpha3 != MemberAlpha3 && !_more.Any(c => c.MemberAlpha3 == m.Alpha3 && c.ProposalSlug == ProposalSlug));

    protected override async Task OnInitializedAsync()
    {
        _sources = await Sources.ListAsync();
        _picture = await Pictures.GetAsync();
        _current = await Recorder.GetCellAsync(MemberAlpha3, ProposalSlug);
        _version = _current.Version;
        _myName = AuthenticationState is null ? null : (await AuthenticationState).User.FindFirst(AuthorDirectory.DisplayNameClaim)?.Value;
    }

    private string? _myName;

    // The author is compared by public name (display names are unique), so the login never reaches the form.
    private bool IsMine(StanceHistoryEntry entry) => _myName is not null && entry.RecordedBy == _myName;

    private string NameOf(StanceCell cell) =>
        $"{_picture?.FindMember(cell.MemberAlpha3)?.Name ?? cell.MemberAlpha3} on {_picture?.FindProposal(cell.ProposalSlug)?.Proposal.Title ?? cell.ProposalSlug}";

    private string ConflictHeadline => _conflicts.Values.FirstOrDefault()?.Latest is { } latest
        ? IsMine(latest)
            ? "You changed this stance in another tab or window while editing it here."
            : $"{latest.RecordedBy} changed this stance while you were editing."
        : "This stance changed while you were editing.";

    private bool HasError(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private string? SourceDateWarning => SourceDateCheck.Warning(_effectiveOn, _evidence.Select(SourceDateOf).OfType<DateOnly>());

    private DateOnly? SourceDateOf(EvidenceDraft draft) =>
        draft.AddsSource
            ? IsoDate.TryParse(draft.Published, out var published) ? published : null
            : _sources.FirstOrDefault(s => s.Key == draft.SourceKey)?.PublishedOn;

    private async Task AddProposalAsync(string? slug)
    {
        if (slug is not null && _picture?.FindProposal(slug) is { } proposal)
        {
            await AddCellAsync(MemberAlpha3, MemberNameHere, slug, proposal.Proposal.Title);
        }
    }

    private async Task AddMemberAsync(string? alpha3)
    {
        if (alpha3 is not null && _picture?.FindMember(alpha3) is { } member)
        {
            await AddCellAsync(alpha3, member.Name, ProposalSlug, ProposalTitleHere);
        }
    }

    private async Task AddCellAsync(string member, string memberName, string slug, string title)
    {
        // The cell's version now: the statement's save is checked against it, like the first cell's.
        var state = await Recorder.GetCellAsync(member, slug);
        _more.Add(new StatementCell(member, memberName, slug, title) { Version = state.Version, OnRecord = state.Latest });
    }

    /// <summary>
    /// The form's own checks (is a date a date?) and then the domain's rules, the same functions the
    /// write path runs, so problems show at once, at their field. The server checks again and has
    /// the last word.
    /// </summary>
    private List<StanceChangeInput>? Build()
    {
        var problems = new FieldProblems();
        var evidence = EvidenceDraft.ToInputs(_evidence, problems);
        if (_mode == FormMode.AddEvidence)
        {
            problems.Add(StanceRules.CheckEvidence(evidence, Today, "Quote the source you add as evidence.", "show the stance"));
            _errors = problems.ToDictionary().ToDictionary();
            return problems.Any ? null : [new StanceChangeInput(MemberAlpha3, ProposalSlug, Stance.Unknown, null, default, "", evidence, _version, AddsEvidence: true)];
        }

        problems.Add("stance", _stance is null ? "Choose the stance the evidence shows." : null);
        var effectiveIsDate = IsoDate.TryParse(_effectiveOn, out var effectiveOn);
        problems.Add("effectiveOn", effectiveIsDate ? null : "Give the date the member took this stance.");
        problems.Add("interpretationNote", _interpreted && string.IsNullOrWhiteSpace(_interpretationNote)
            ? "Say what you read into the evidence, or clear the interpretation box." : null);
        var first = new StanceChangeInput(MemberAlpha3, ProposalSlug, _stance ?? Stance.Unknown, _conditions, effectiveOn, _rationale ?? "", evidence, _version,
            InterpretationNote: _interpreted ? _interpretationNote : null);
        problems.Add(StanceRules.Check(first, Today).Where(p => effectiveIsDate || p.Field != "effectiveOn"));
        var requests = new List<StanceChangeInput> { first };
        var anyRowProblem = false;
        foreach (var row in _more)
        {
            var rowProblems = new FieldProblems();
            rowProblems.Add("stance", row.Stance is null ? "Choose the stance the statement shows here." : null);
            rowProblems.Add("conditions", StanceRules.CheckConditions(row.Stance ?? Stance.Unknown, row.Conditions));
            row.Errors = rowProblems.ToDictionary().ToDictionary();
            anyRowProblem |= rowProblems.Any;
            requests.Add(first with { MemberAlpha3 = row.MemberAlpha3, ProposalSlug = row.ProposalSlug, Stance = row.Stance ?? Stance.Unknown, Conditions = row.Conditions, ExpectedVersion = row.Version });
        }

        _errors = problems.ToDictionary().ToDictionary();
        return problems.Any || anyRowProblem ? null : requests;
    }

    private Task SaveAsync() => SaveWithVersionsAsync();

    private Task ReapplyAsync()
    {
        // On top of what the other save wrote: the versions the conflict reported.
        foreach (var (cell, state) in _conflicts)
        {
            if (cell.MemberAlpha3 == MemberAlpha3 && cell.ProposalSlug == ProposalSlug)
            {
                _version = state.Version;
            }
            else if (_more.FirstOrDefault(r => r.MemberAlpha3 == cell.MemberAlpha3 && r.ProposalSlug == cell.ProposalSlug) is { } row)
            {
                row.Version = state.Version;
            }
        }

        return SaveWithVersionsAsync();
    }

    private async Task SaveWithVersionsAsync()
    {
        _failure = null;
        if (Build() is not { } requests)
        {
            return;
        }

        _saving = true;
        try
        {
            var user = AuthenticationState is null ? new System.Security.Claims.ClaimsPrincipal() : (await AuthenticationState).User;
            IReadOnlyList<StanceChange> saved = requests.Count == 1
                ? [(await Recorder.RecordAsync(user, requests[0])).Change]
                : (await Recorder.RecordStatementAsync(user, requests)).Select(r => r.Change).ToList();
            _conflicts.Clear();
            await OnSaved.InvokeAsync(saved);
        }
        catch (EditValidationException ex)
        {
            Assign(ex.Errors);
        }
        catch (StanceConflictException ex)
        {
            _conflicts.Clear();
            _conflicts[new StanceCell(ex.MemberAlpha3, ex.ProposalSlug)] = ex.Current;
        }
        catch (Accounts.AccessDeniedException ex)
        {
            _failure = ex.Message;
        }
        catch (Exception ex) when (DatabaseFaults.IsUnavailable(ex))
        {
            // The dialog stays open with every field as typed; nothing was saved.
            _failure = DatabaseFaults.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>
    /// The server's problems at their fields: a statement's are keyed <c>cells[i].field</c> — the
    /// first cell's, and what the cells share (date, reason, evidence), at the form's own fields;
    /// another cell's stance and conditions at its row.
    /// </summary>
    private void Assign(IReadOnlyDictionary<string, string[]> errors)
    {
        var mine = new Dictionary<string, string[]>();
        foreach (var row in _more)
        {
            row.Errors = new Dictionary<string, string[]>();
        }

        foreach (var (key, messages) in errors)
        {
            var match = System.Text.RegularExpressions.Regex.Match(key, @"^cells\[(\d+)\]\.(.+)$");
            if (!match.Success)
            {
                mine[key] = messages;
                continue;
            }

            var index = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var field = match.Groups[2].Value;
            if (index == 0 || index > _more.Count)
            {
                mine[field] = messages;
            }
            else if (field is "stance" or "conditions")
            {
                var row = _more[index - 1];
                row.Errors = new Dictionary<string, string[]>(row.Errors) { [field] = messages };
            }
            else if (field is "rationale" || field.StartsWith("evidence", StringComparison.Ordinal))
            {
                mine[field] = messages;
            }
            else
            {
                var row = _more[index - 1];
                row.Errors = new Dictionary<string, string[]>(row.Errors) { [""] = [.. row.Errors.GetValueOrDefault("") ?? [], .. messages] };
            }
        }

        _errors = mine;
    }
}
