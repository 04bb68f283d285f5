using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Api.Contracts;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.NewsAssist;
using AllianceTracker.Web.Features.Proposals;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.NewsAssist;

/// <summary>Aliases editors keep on the proposal page are what the news assist reads, from the moment they are saved.</summary>
public sealed class ProposalAliasTests(ITestOutputHelper output) : FreshAppTest(output)
{
    private const string Text = "Italy backs the weapons clearing house.";

    private static readonly NewsSourceBody Source = new("Clearing house talks", "Test Wire", "2024-06-20", Kind: "news-report");

    // The host initializes the database behind its first answer; these tests use its services directly.
    public override async Task InitializeAsync() => (await App.Anonymous().GetAsync("/api/v1/members")).EnsureSuccessStatusCode();

    private ProposalAdministration Admin => App.Services.GetRequiredService<ProposalAdministration>();

    private NewsReview Review => App.Services.GetRequiredService<NewsReview>();

    [Fact]
    public async Task An_alias_an_editor_adds_is_read_at_once_and_one_removed_no_longer_is()
    {
        var editor = TestEditors.Editor();
        Assert.Empty((await Review.SuggestAsync(editor, new NewsSuggestionsBody(Text, Source))).Stances);

        var alias = await Admin.AddAliasAsync(editor, "ramstein-coordination", "  weapons clearing house ");

        Assert.Equal("weapons clearing house", alias.Phrase);
        var suggestion = Assert.Single((await Review.SuggestAsync(editor, new NewsSuggestionsBody(Text, Source))).Stances);
        Assert.Equal(("ITA", "ramstein-coordination", Stance.Supports), (suggestion.Member, suggestion.Proposal, suggestion.Stance));

        await Admin.RemoveAliasAsync(editor, "ramstein-coordination", alias.Id);

        Assert.Empty((await Review.SuggestAsync(editor, new NewsSuggestionsBody(Text, Source))).Stances);
        Assert.DoesNotContain(await Admin.ListAliasesAsync("ramstein-coordination"), a => a.Id == alias.Id);
    }

    [Theory]
    [InlineData("ramstein", "already names")] // the seeded "Ramstein", in another case
    [InlineData("ab", "at least 3")]
    [InlineData(" a ", "at least 3")]
    [InlineData("!!!!", "letters or digits")]
    public async Task A_phrase_that_is_too_short_or_names_the_proposal_already_is_refused(string phrase, string message)
    {
        var error = await Assert.ThrowsAsync<EditValidationException>(() => Admin.AddAliasAsync(TestEditors.Editor(), "ramstein-coordination", phrase));

        Assert.Contains(message, Assert.Single(error.Errors["phrase"]));
    }

    [Fact]
    public async Task The_title_is_no_alias()
    {
        var title = (await App.Services.GetRequiredService<Web.Features.Positions.AlliancePictureCache>().GetAsync()).FindProposal("ukraine-fund")!.Proposal.Title;

        var error = await Assert.ThrowsAsync<EditValidationException>(() => Admin.AddAliasAsync(TestEditors.Editor(), "ukraine-fund", title.ToUpperInvariant()));

        Assert.Contains("already names", Assert.Single(error.Errors["phrase"]));
    }

    [Fact]
    public async Task Readers_cannot_change_aliases()
    {
        var seeded = (await Admin.ListAliasesAsync("ramstein-coordination"))[0];

        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin.AddAliasAsync(TestEditors.Reader(), "ramstein-coordination", "clearing house"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Admin.RemoveAliasAsync(TestEditors.Reader(), "ramstein-coordination", seeded.Id));
        Assert.Contains(await Admin.ListAliasesAsync("ramstein-coordination"), a => a.Id == seeded.Id);
    }

    [Fact]
    public async Task Removing_an_alias_of_another_proposal_or_one_already_removed_is_refused()
    {
        var editor = TestEditors.Editor();
        var fundAlias = (await Admin.ListAliasesAsync("ukraine-fund"))[0];

        var wrongProposal = await Assert.ThrowsAsync<EditValidationException>(() => Admin.RemoveAliasAsync(editor, "ramstein-coordination", fundAlias.Id));
        Assert.True(wrongProposal.Errors.ContainsKey("alias"));

        await Admin.RemoveAliasAsync(editor, "ukraine-fund", fundAlias.Id);
        await Assert.ThrowsAsync<EditValidationException>(() => Admin.RemoveAliasAsync(editor, "ukraine-fund", fundAlias.Id));
    }
}
