namespace AllianceTracker.Web.Features.Seeding;

public sealed record SeedImportReport(int MembersAdded, int SourcesAdded, int SummitsAdded, int ProposalsAdded, int StanceChangesAdded)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool ChangedNothing => MembersAdded + SourcesAdded + SummitsAdded + ProposalsAdded + StanceChangesAdded == 0;
}
