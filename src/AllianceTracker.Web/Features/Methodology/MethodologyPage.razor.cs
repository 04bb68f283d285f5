using System.Globalization;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Exchange;
using AllianceTracker.Web.Features.Positions;

namespace AllianceTracker.Web.Features.Methodology;

/// <summary>
/// The public methodology and codebook (/methodology, /about): the stance scale with an example on
/// record for each, the consensus rule, evidence, dates, decisions, corrections, the news assist's
/// role, the data dictionary (from the tidy tables' own schemas) and how to cite.
/// </summary>
public partial class MethodologyPage
{
    private AlliancePicture? Picture { get; set; }

    private DataLicense? License => Configuration.GetSection(DataLicense.Section).Get<DataLicense>();

    protected override async Task OnInitializedAsync() => Picture = await Pictures.GetAsync();

    private static string WeightText(ConsensusWeight weight) => weight switch
    {
        ConsensusWeight.Blocks => "blocks",
        ConsensusWeight.Pending => "leaves it open",
        _ => "does not block",
    };

    private static string DecisionCodes => string.Join(", ", ProposalOutcomeCodes.DecisionCodes.Select(code => $"{code}"));

    /// <summary>A position on record with this stance and its first excerpt, or a note that there is none yet.</summary>
    private string Example(Stance stance)
    {
        var position = Picture?.Positions.FirstOrDefault(p => p.Stance == stance && p.Evidence.Count > 0);
        if (position is null)
        {
            return stance == Stance.Unknown ? "The default: no source on record." : "None on record yet.";
        }

        var proposal = Picture!.FindProposal(position.ProposalSlug)?.Proposal.Title ?? position.ProposalSlug;
        return $"{Picture.MemberName(position.MemberAlpha3)} on {proposal}: “{position.Evidence[0].Excerpt}”";
    }

    private string SiteAddress => PublicAddress.Link(Navigation.BaseUri, "");

    private string Today => (Picture?.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow)).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private string IsoToday => (Picture?.AsOf ?? DateOnly.FromDateTime(DateTime.UtcNow)).ToIso();

    private string Citation => $"AllianceTracker. “Where NATO's allies stand on the summit's proposals.” {SiteAddress} (accessed {Today}).";

    // Braces are BibTeX's own: built by concatenation, not interpolation.
    private string BibTeX => string.Join('\n',
        "@misc{alliancetracker-" + IsoToday + ",",
        "  title        = {Where NATO's allies stand on the summit's proposals},",
        "  author       = {{AllianceTracker}},",
        "  howpublished = {\\url{" + SiteAddress + "}},",
        "  note         = {Accessed " + IsoToday + "},",
        "  year         = {" + IsoToday[..4] + "}",
        "}");

    private string Ris => $"""
        TY  - DATA
        TI  - Where NATO's allies stand on the summit's proposals
        AU  - AllianceTracker
        UR  - {SiteAddress}
        Y2  - {IsoToday}
        ER  - 
        """;
}
