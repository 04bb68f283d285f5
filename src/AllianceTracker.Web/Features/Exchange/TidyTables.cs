using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// The tables of the data package (<c>/api/v1/exports/{name}.csv</c>, <c>datapackage.json</c>):
/// members and proposals as they are today, the whole stance history (one row per entry,
/// retracted entries kept and marked), its evidence (one row per excerpt), the sources and the
/// summit decisions.
/// </summary>
public static class TidyTables
{
    private static readonly IReadOnlyList<string> StanceCodes = StanceVocabulary.All.Select(d => d.Code).ToList();

    public static TidyTable Members { get; } = new("members", "Members", "NATO's member states, one row each.",
    [
        new("alpha3", "string", "ISO 3166-1 alpha-3 code, the member's key everywhere in this package.", Required: true),
        new("alpha2", "string", "ISO 3166-1 alpha-2 code.", Required: true),
        new("name", "string", "Short English name.", Required: true),
        new("accession_year", "integer", "Year the member joined NATO.", Required: true),
        new("subregion", "string", "UN geoscheme subregion.", Required: true),
        new("eu_member", "boolean", "Also a member of the European Union.", Required: true),
        new("bucharest_nine", "boolean", "One of the Bucharest Nine.", Required: true),
    ], ["alpha3"], []);

    public static TidyTable Proposals { get; } = new("proposals", "Proposals", "The proposals before a summit, as they stand today.",
    [
        new("slug", "string", "The proposal's key.", Required: true),
        new("title", "string", "Its title.", Required: true),
        new("summit", "string", "The summit's slug.", Required: true),
        new("summit_name", "string", "The summit's name.", Required: true),
        new("proposer", "string", "Who proposed it.", Required: true),
        new("tabled_on", "date", "When it was tabled; empty when the sources do not say."),
        new("tabled_on_approximate", "boolean", "True when the tabling date is inferred, not stated.", Required: true),
        new("status", "string", "The decision's outcome once decided, else the consensus rule's status today.", Required: true, Enum: [.. ConsensusStatusCodes.Map.Codes, .. ProposalOutcomeCodes.DecisionCodes]),
        new("decided_on", "date", "The date of the decision in force, if any."),
    ], ["slug"], []);

    public static TidyTable History { get; } = new("history", "Stance history", "Every entry of the stance history, oldest first: what each moved from and to, when it took effect, who recorded it, and its retraction if it was retracted (a retracted entry counts for nothing).",
    [
        new("id", "integer", "The entry's id (GET /api/v1/stances/{id}).", Required: true),
        new("member", "string", "Member (alpha-3).", Required: true),
        new("member_name", "string", "Member's name.", Required: true),
        new("proposal", "string", "Proposal (slug).", Required: true),
        new("proposal_title", "string", "Proposal's title.", Required: true),
        new("stance_before", "string", "The stance this entry moved from (over the cell's unretracted history).", Required: true, Enum: StanceCodes),
        new("stance", "string", "The stance recorded.", Required: true, Enum: StanceCodes),
        new("conditions", "string", "Its conditions or concerns, if any."),
        new("effective_date", "date", "When the stance took effect.", Required: true),
        new("effective_date_approximate", "boolean", "True when the effective date is inferred, not stated.", Required: true),
        new("rationale", "string", "Why the editor recorded it.", Required: true),
        new("recorded_at", "datetime", "When it was recorded (UTC).", Required: true),
        new("recorded_by", "string", "The editor's public name.", Required: true),
        new("origin", "string", "How it was recorded: by an editor, an import, the news assist…"),
        new("adds_evidence_to", "integer", "Set when the entry only adds evidence to that earlier entry."),
        new("retracted", "boolean", "True when the entry was retracted.", Required: true),
        new("retracted_at", "datetime", "When it was retracted (UTC)."),
        new("retraction_reason", "string", "Why it was retracted."),
        new("interpretation_note", "string", "Set when the stance is the editors' interpretation of evidence that does not state it outright: what they read into it."),
    ], ["id"], [new("member", "members", "alpha3"), new("proposal", "proposals", "slug")]);

    public static TidyTable Evidence { get; } = new("evidence", "Evidence", "The quoted evidence of every history entry and decision, one row per excerpt.",
    [
        new("entry_kind", "string", "What the excerpt supports.", Required: true, Enum: ["stance", "decision"]),
        new("entry_id", "integer", "The history entry's or decision's id.", Required: true),
        new("position", "integer", "The excerpt's place among the entry's (1, 2, …).", Required: true),
        new("member", "string", "Member (alpha-3), for a stance entry."),
        new("proposal", "string", "Proposal (slug).", Required: true),
        new("source", "string", "The source's key.", Required: true),
        new("source_title", "string", "The source's title.", Required: true),
        new("source_url", "string", "Where the source can be read, if anywhere."),
        new("excerpt", "string", "The verbatim excerpt.", Required: true),
    ], ["entry_kind", "entry_id", "position"], [new("source", "sources", "key"), new("proposal", "proposals", "slug"), new("member", "members", "alpha3")]);

    public static TidyTable Sources { get; } = new("sources", "Sources", "The sources evidence cites, as they read today (corrections are kept on the sources page).",
    [
        new("key", "string", "The source's key.", Required: true),
        new("title", "string", "Its title.", Required: true),
        new("outlet", "string", "Who published it.", Required: true),
        new("kind", "string", "What kind of source it is.", Required: true, Enum: SourceKindCodes.Map.Codes),
        new("url", "string", "Where it can be read, if anywhere."),
        new("published_on", "date", "When it was published, if known."),
        new("published_on_approximate", "boolean", "True when the publication date is inferred.", Required: true),
    ], ["key"], []);

    public static TidyTable Decisions { get; } = new("decisions", "Summit decisions", "Every decision recorded on a proposal, oldest first, retracted ones kept and marked.",
    [
        new("id", "integer", "The decision's id.", Required: true),
        new("proposal", "string", "Proposal (slug).", Required: true),
        new("proposal_title", "string", "Proposal's title.", Required: true),
        new("outcome", "string", "What was decided.", Required: true, Enum: ProposalOutcomeCodes.DecisionCodes),
        new("decided_on", "date", "When.", Required: true),
        new("note", "string", "What the decision says, in brief."),
        new("replaced_by", "string", "The proposal that replaced it (slug), if any."),
        new("recorded_at", "datetime", "When it was recorded (UTC).", Required: true),
        new("recorded_by", "string", "The editor's public name.", Required: true),
        new("retracted", "boolean", "True when the decision was retracted.", Required: true),
        new("retracted_at", "datetime", "When it was retracted (UTC)."),
        new("retraction_reason", "string", "Why it was retracted."),
    ], ["id"], [new("proposal", "proposals", "slug"), new("replaced_by", "proposals", "slug")]);

    /// <summary>Every table, in the package's order (a table before those that refer to it).</summary>
    public static IReadOnlyList<TidyTable> All { get; } = [Members, Proposals, Sources, History, Decisions, Evidence];
}
