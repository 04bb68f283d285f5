using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Positions;

namespace AllianceTracker.Tests.Features.Positions;

public class MatrixQueryTests
{
    private static readonly AlliancePicture Picture = new PictureBuilder()
        .Member("EST", "Estonia", joined: 2004, subregion: "Northern Europe", eu: true, b9: true)
        .Member("HUN", "Hungary", joined: 1999, subregion: "Eastern Europe", eu: true, b9: true)
        .Member("NOR", "Norway", joined: 1949, subregion: "Northern Europe", eu: false)
        .Member("TUR", "Türkiye", joined: 1952, subregion: "Western Asia", eu: false)
        .Member("ESP", "Spain", joined: 1982, subregion: "Southern Europe", eu: true)
        .Proposal("ukraine-fund", "Fund")
        .Proposal("membership-invitation", "Invitation")
        .Stance("HUN", "ukraine-fund", Stance.Opposes)
        .Stance("ESP", "ukraine-fund", Stance.Conditional, "No duplication")
        .Stance("EST", "ukraine-fund", Stance.Supports)
        .Stance("EST", "membership-invitation", Stance.Supports)
        .Stance("NOR", "membership-invitation", Stance.Undecided)
        .Build();

    private static IEnumerable<string> Codes(MatrixQuery query) => query.Apply(Picture).Select(m => m.Alpha3);

    [Fact]
    public void No_filter_shows_every_member_in_the_pictures_order() =>
        Assert.Equal(["EST", "HUN", "NOR", "TUR", "ESP"], Codes(new MatrixQuery()));

    [Fact]
    public void Region_eu_and_b9_filters_combine() =>
        Assert.Equal(["EST"], Codes(new MatrixQuery(Region: "Northern Europe", Eu: true, B9: true)));

    [Fact]
    public void Non_eu_members_can_be_picked_out() => Assert.Equal(["NOR", "TUR"], Codes(new MatrixQuery(Eu: false)));

    [Fact]
    public void The_stance_filter_looks_at_the_chosen_proposal()
    {
        Assert.Equal(["HUN"], Codes(new MatrixQuery(Stance: Stance.Opposes, On: "ukraine-fund")));
        Assert.Equal(["NOR"], Codes(new MatrixQuery(Stance: Stance.Undecided, On: "membership-invitation")));
    }

    [Fact]
    public void The_stance_filter_defaults_to_the_first_proposal_when_none_or_an_unknown_one_is_chosen()
    {
        Assert.Equal(["ESP"], Codes(new MatrixQuery(Stance: Stance.Conditional)));
        Assert.Equal(["ESP"], Codes(new MatrixQuery(Stance: Stance.Conditional, On: "no-such-proposal")));
    }

    [Theory]
    [InlineData("hun", "HUN")]
    [InlineData("HU", "HUN")]
    [InlineData("turk", "TUR")]
    [InlineData("Türk", "TUR")]
    [InlineData("spa", "ESP")]
    [InlineData("Turkey", "TUR")]
    public void Free_text_matches_names_and_codes_ignoring_case_and_accents(string text, string expected) =>
        Assert.Equal([expected], Codes(new MatrixQuery(Text: text)));

    [Theory]
    [InlineData("Britain", "GBR")]
    [InlineData("the U.S.", "USA")]
    [InlineData("u.s.", "USA")]
    [InlineData("America", "USA")]
    [InlineData("Czech Republic", "CZE")]
    [InlineData("Holland", "NLD")]
    public void Free_text_finds_a_member_by_the_other_names_readers_use(string text, string expected)
    {
        var picture = new PictureBuilder()
            .Member("CZE", "Czechia", joined: 1999, subregion: "Eastern Europe", eu: true, b9: true)
            .Member("NLD", "Netherlands", joined: 1949, subregion: "Western Europe", eu: true)
            .Member("GBR", "United Kingdom", joined: 1949, subregion: "Northern Europe", eu: false)
            .Member("USA", "United States", joined: 1949, subregion: "Northern America", eu: false)
            .Build();

        Assert.Equal([expected], new MatrixQuery(Text: text).Apply(picture).Select(m => m.Alpha3));
    }

    [Fact]
    public void Sorting_by_year_joined_puts_founders_first() =>
        Assert.Equal(["NOR", "TUR", "ESP", "HUN", "EST"], Codes(new MatrixQuery(Sort: MatrixSort.Joined)));

    [Fact]
    public void Sorting_by_stance_puts_blockers_first_then_the_undecided_then_the_rest() =>
        Assert.Equal(["HUN", "ESP", "EST", "NOR", "TUR"], Codes(new MatrixQuery(On: "ukraine-fund", Sort: MatrixSort.Stance)));

    [Fact]
    public void A_view_survives_the_round_trip_through_the_url()
    {
        var query = new MatrixQuery("Northern Europe", true, false, Stance.OptsOut, "membership-invitation", "nor", MatrixSort.Stance);

        var parameters = query.ToQueryParameters();
        string? Get(string key) => (string?)parameters[key];
        var back = MatrixQuery.Parse(Get("region"), Get("eu"), Get("b9"), Get("stance"), Get("on"), Get("q"), Get("sort"));

        Assert.Equal(query, back);
        Assert.Equal("opts-out", Get("stance"));
        Assert.Equal("yes", Get("eu"));
        Assert.Equal("stance", Get("sort"));
    }

    [Fact]
    public void The_default_view_has_no_query_parameters_so_links_stay_short() =>
        Assert.All(new MatrixQuery().ToQueryParameters().Values, Assert.Null);

    [Fact]
    public void Unreadable_url_values_fall_back_to_no_filter()
    {
        var query = MatrixQuery.Parse(null, "maybe", "1", "blocks", null, "  ", "99");

        Assert.Equal(new MatrixQuery(), query);
    }
}
