using AllianceTracker.Web.Domain;

namespace AllianceTracker.Tests.Domain;

/// <summary>The one set of rules every writer (editor, seed, dataset import, form) checks input with.</summary>
public sealed class DomainRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static MemberInput Member(string alpha3 = "HUN", int joined = 1999) =>
        new(alpha3, "HU", "348", "Hungary", joined, "Eastern Europe", true, true);

    private static StanceChangeInput Change(Stance stance = Stance.Supports, string? conditions = null, DateOnly? effectiveOn = null, params EvidenceInput[] evidence) =>
        new("HUN", "ukraine-fund", stance, conditions, effectiveOn ?? new DateOnly(2024, 4, 3), "Rationale.",
            evidence.Length == 0 ? [new EvidenceInput("icaro", "An excerpt.")] : evidence);

    [Theory]
    [InlineData(1949, true)]
    [InlineData(2026, true)]
    [InlineData(1948, false)]
    [InlineData(2027, false)]
    [InlineData(2100, false)]
    public void A_member_joined_between_the_treaty_and_today(int joined, bool accepted)
    {
        var problems = MemberRules.Check(Member(joined: joined), Today).ToList();

        Assert.Equal(accepted, problems.Count == 0);
        Assert.All(problems, p => Assert.Equal("joined", p.Field));
    }

    [Fact]
    public void A_member_is_named_by_iso_codes_of_the_right_shape()
    {
        var problems = MemberRules.Check(new MemberInput("hun", "HUN", "48", " ", 1999, "", false, false), Today).Select(p => p.Field);

        Assert.Equal(["alpha3", "alpha2", "numeric", "name", "subregion"], problems);
    }

    [Fact]
    public void The_alliance_has_32_members_and_not_one_more()
    {
        Assert.Equal(32, MemberRules.AllianceSize);
        Assert.Null(MemberRules.CheckAllianceSize(32));
        Assert.Equal("NATO has 32 members; this would make 33.", MemberRules.CheckAllianceSize(33));
    }

    [Theory]
    [InlineData("https://www.reuters.com/world/", true)]
    [InlineData("http://example.org", true)]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("data:text/html,<b>x</b>", false)]
    [InlineData("ftp://example.org/file", false)]
    [InlineData("not a url", false)]
    public void A_source_links_only_to_the_web(string? url, bool accepted) =>
        Assert.Equal(accepted, SourceRules.CheckUrl(url) is null);

    [Fact]
    public void A_source_needs_a_title_an_outlet_and_a_date_that_has_happened()
    {
        var problems = SourceRules.Check(new SourceInput("Not A Slug", "", " ", null, Today.AddDays(1), false, SourceKind.NewsReport), Today);

        Assert.Equal(["key", "title", "outlet", "publishedOn"], problems.Select(p => p.Field));
    }

    [Fact]
    public void A_stance_with_nothing_filled_in_names_every_field_that_is_missing()
    {
        var empty = new StanceChangeInput("", "", Stance.Conditional, null, Today.AddDays(1), " ", []);

        var fields = StanceRules.Check(empty, Today).Select(p => p.Field);

        Assert.Equal(["member", "proposal", "conditions", "effectiveOn", "rationale", "evidence"], fields);
    }

    [Fact]
    public void Evidence_quotes_at_most_40_words_from_a_named_or_new_source()
    {
        var forty = string.Join(' ', Enumerable.Repeat("word", 40));
        var fortyOne = forty + " more";

        Assert.Empty(StanceRules.Check(Change(evidence: new EvidenceInput("icaro", forty)), Today));
        var problems = StanceRules.Check(Change(evidence:
        [
            new EvidenceInput("icaro", fortyOne),
            new EvidenceInput(null, "An excerpt."),
            new EvidenceInput(null, "An excerpt.", new SourceInput(null, "Title", "Outlet", "javascript:x", null, false, SourceKind.Interview)),
        ]), Today).ToList();

        Assert.Equal(["evidence[0].excerpt", "evidence[1].source", "evidence[2].newSource.url"], problems.Select(p => p.Field));
        Assert.Equal("The excerpt has 41 words; quote at most 40.", problems[0].Message);
    }

    [Fact]
    public void Only_a_conditional_stance_must_state_conditions()
    {
        Assert.Contains(StanceRules.Check(Change(Stance.Conditional), Today), p => p.Field == "conditions");
        Assert.Empty(StanceRules.Check(Change(Stance.Conditional, "Only if it does not duplicate EU funds."), Today));
        Assert.Empty(StanceRules.Check(Change(Stance.Opposes), Today));
    }

    [Fact]
    public void A_summit_ends_on_or_after_its_first_day()
    {
        Assert.Empty(SummitRules.Check(new SummitInput("washington-2024", "Washington Summit", "Washington", new DateOnly(2024, 7, 9), new DateOnly(2024, 7, 9))));
        var problem = Assert.Single(SummitRules.Check(new SummitInput("washington-2024", "Washington Summit", "Washington", new DateOnly(2024, 7, 11), new DateOnly(2024, 7, 9))));
        Assert.Equal("endsOn", problem.Field);
    }

    [Fact]
    public void A_proposal_is_tabled_on_or_before_today()
    {
        var proposal = new ProposalInput("ukraine-fund", "washington-2024", "Fund", "A fund.", "Stoltenberg", Today);

        Assert.Empty(ProposalRules.Check(proposal, Today));
        Assert.Equal("tabledOn", Assert.Single(ProposalRules.Check(proposal with { TabledOn = Today.AddDays(1) }, Today)).Field);
    }
}
