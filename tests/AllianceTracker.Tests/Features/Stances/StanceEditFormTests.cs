using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Accounts;
using AllianceTracker.Web.Features.Positions;
using AllianceTracker.Web.Features.Stances;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.Tests.Features.Stances;

public sealed class StanceEditFormTests : PageTest
{
    private readonly List<StanceChange> _saved = [];

    protected override void ConfigureServices()
    {
        Authorization.SetAuthorized("form-editor@example.org");
        Authorization.SetRoles(Roles.Editor);
        Authorization.SetPolicies(Policies.CanEdit);
    }

    private IRenderedComponent<StanceEditForm> Render(string member, string proposal, DateOnly? viewedOn = null) =>
        Context.Render<StanceEditForm>(p => p
            .Add(f => f.MemberAlpha3, member)
            .Add(f => f.ProposalSlug, proposal)
            .Add(f => f.ViewedOn, viewedOn)
            .Add(f => f.OnSaved, changes => _saved.AddRange(changes)));

    // MudSelect opens a popover of items; choosing is what the select reports when an item is clicked.
    private static void Choose<T>(IRenderedComponent<StanceEditForm> form, string testId, T value)
    {
        var select = form.FindComponents<MudBlazor.MudSelect<T>>()
            .Where(c => c.Instance.UserAttributes.TryGetValue("data-testid", out var id) && (string?)id == testId)
            .ElementAt(0);
        form.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value)).GetAwaiter().GetResult();
    }

    private static void ChooseSupportsCitingTheSeedArticle(IRenderedComponent<StanceEditForm> form, string evidence = "edit-source")
    {
        Choose<Stance?>(form, "edit-stance", Stance.Supports);
        Choose(form, evidence, "icaro-2024-04-stoltenberg-ukraine-fund");
    }

    // Immediate MudTextFields listen to input events, the others to change events.
    private static void Fill(IRenderedComponent<StanceEditForm> form, string field, string value)
    {
        var input = form.Find($"[data-testid={field}]");
        if (input.HasAttribute("blazor:oninput") && !input.HasAttribute("blazor:onchange"))
        {
            input.Input(value);
        }
        else
        {
            input.Change(value);
        }

        form.Find($"[data-testid={field}]").Blur();
    }

    private static void AssertInvalid(IRenderedComponent<StanceEditForm> form, string field, string message)
    {
        form.WaitForAssertion(() =>
        {
            Assert.Equal("true", form.Find($"[data-testid={field}]").GetAttribute("aria-invalid"));
            Assert.Contains(message, form.Markup);
        });
    }

    private static void ValidEvidence(IRenderedComponent<StanceEditForm> form)
    {
        Fill(form, "edit-reason", "Form test.");
        Fill(form, "edit-excerpt", "A short verbatim excerpt.");
    }

    [Fact]
    public void A_conditional_stance_without_conditions_is_refused_at_the_conditions_field()
    {
        var form = Render("ESP", "ukraine-fund");
        Choose<Stance?>(form, "edit-stance", Stance.Conditional);
        Choose(form, "edit-source", "icaro-2024-04-stoltenberg-ukraine-fund");
        Fill(form, "edit-effective", "2024-06-01");
        ValidEvidence(form);

        form.Find("[data-testid=edit-save]").Click();

        AssertInvalid(form, "edit-conditions", "A conditional stance must state its conditions");
        Assert.Empty(_saved);
    }

    [Fact]
    public void A_future_effective_date_is_refused_at_the_date_field()
    {
        var form = Render("FRA", "ukraine-fund");
        ChooseSupportsCitingTheSeedArticle(form);
        Fill(form, "edit-effective", "2030-01-01");
        ValidEvidence(form);

        form.Find("[data-testid=edit-save]").Click();

        AssertInvalid(form, "edit-effective", "is in the future");
        Assert.Empty(_saved);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://example.org/article")]
    [InlineData("not a url")]
    public void A_new_source_with_a_non_web_address_is_refused_at_the_url_field(string url)
    {
        var form = Render("FRA", "ukraine-fund");
        form.Find("input[data-testid=edit-new-source], [data-testid=edit-new-source] input").Change(true);
        Fill(form, "edit-source-title", "A report");
        Fill(form, "edit-source-outlet", "An outlet");
        Fill(form, "edit-source-url", url);
        ValidEvidence(form);

        form.Find("[data-testid=edit-save]").Click();

        AssertInvalid(form, "edit-source-url", "starting with http:// or https://");
        Assert.Empty(_saved);
    }

    [Fact]
    public void For_a_member_with_no_record_nothing_is_chosen_and_saving_asks_for_the_stance_and_the_source()
    {
        var form = Render("FRA", "ukraine-fund");
        ValidEvidence(form);

        form.Find("[data-testid=edit-save]").Click();

        AssertInvalid(form, "edit-stance", "Choose the stance the evidence shows.");
        AssertInvalid(form, "edit-source", "Pick the source you quote");
        Assert.Empty(_saved);
    }

    [Fact]
    public void A_new_source_needs_its_kind_chosen()
    {
        var form = Render("FRA", "ukraine-fund");
        Choose<Stance?>(form, "edit-stance", Stance.Supports);
        form.Find("input[data-testid=edit-new-source], [data-testid=edit-new-source] input").Change(true);
        Fill(form, "edit-source-title", "A report");
        Fill(form, "edit-source-outlet", "An outlet");
        ValidEvidence(form);

        form.Find("[data-testid=edit-save]").Click();

        AssertInvalid(form, "edit-source-kind", "Say what kind of source it is.");
        Assert.Empty(_saved);
    }

    [Fact]
    public void Opened_from_a_past_date_view_the_form_says_so_and_asks_for_the_effective_date()
    {
        var form = Render("FRA", "ukraine-fund", viewedOn: new DateOnly(2024, 7, 1));
        ChooseSupportsCitingTheSeedArticle(form);
        ValidEvidence(form);

        Assert.Contains("You are looking at the picture on 1 July 2024", form.Find("[data-testid=past-view-note]").TextContent);
        form.Find("[data-testid=edit-save]").Click();

        AssertInvalid(form, "edit-effective", "Give the date the member took this stance.");
        Assert.Empty(_saved);
    }

    [Fact]
    public void A_stance_can_carry_several_pieces_of_evidence()
    {
        var form = Render("FRA", "ukraine-fund");
        ChooseSupportsCitingTheSeedArticle(form);
        Fill(form, "edit-effective", "2024-06-01");
        ValidEvidence(form);
        form.Find("[data-testid=edit-add-evidence]").Click();
        Choose(form, "edit-source-2", "icaro-2024-04-stoltenberg-ukraine-fund");
        Fill(form, "edit-excerpt-2", "A second verbatim excerpt.");

        form.Find("[data-testid=edit-save]").Click();

        form.WaitForAssertion(() => Assert.Single(_saved));
        Assert.Equal(["A short verbatim excerpt.", "A second verbatim excerpt."], _saved[0].Evidence.Select(e => e.Excerpt));
    }

    [Fact]
    public async Task A_valid_change_is_saved_as_the_signed_in_editor()
    {
        var form = Render("FRA", "ukraine-fund");
        ChooseSupportsCitingTheSeedArticle(form);
        Fill(form, "edit-effective", "2024-06-01");
        ValidEvidence(form);

        form.Find("[data-testid=edit-save]").Click();

        form.WaitForAssertion(() => Assert.Single(_saved));
        Assert.Equal("form-editor@example.org", _saved[0].RecordedBy);
        var picture = await Context.Services.GetRequiredService<AlliancePictureCache>().GetAsync();
        Assert.Equal(Stance.Supports, picture.PositionOf("FRA", "ukraine-fund").Stance);
    }

    [Fact]
    public void For_a_member_on_record_nothing_is_preselected_and_a_save_with_only_reason_and_source_asks_for_stance_and_date()
    {
        var form = Render("HUN", "ukraine-fund");
        form.WaitForAssertion(() => Assert.Contains("On record", form.Find("[data-testid=on-record]").TextContent));
        // The stance select shows its placeholder, not the stance on record.
        Assert.DoesNotContain("Opposes", form.Find(".mud-select:has([data-testid=edit-stance]), [data-testid=edit-stance]").OuterHtml.Replace("Placeholder", "", StringComparison.Ordinal));
        Assert.True(string.IsNullOrEmpty(form.Find("input[data-testid=edit-effective], [data-testid=edit-effective] input").GetAttribute("value")));
        Choose(form, "edit-source", "icaro-2024-04-stoltenberg-ukraine-fund");
        ValidEvidence(form);

        form.Find("[data-testid=edit-save]").Click();

        AssertInvalid(form, "edit-stance", "Choose the stance the evidence shows.");
        AssertInvalid(form, "edit-effective", "Give the date the member took this stance.");
        Assert.Empty(_saved);
    }

    [Fact]
    public void Saving_the_stance_on_record_again_is_refused_with_the_way_to_add_evidence()
    {
        var form = Render("HUN", "ukraine-fund");
        Choose<Stance?>(form, "edit-stance", Stance.Opposes);
        Choose(form, "edit-source", "icaro-2024-04-stoltenberg-ukraine-fund");
        Fill(form, "edit-effective", "2024-04-03");
        ValidEvidence(form);

        form.Find("[data-testid=edit-save]").Click();

        AssertInvalid(form, "edit-stance", "add the evidence to the existing entry instead");
        Assert.Empty(_saved);
    }

    [Fact]
    public async Task Evidence_added_to_the_stance_on_record_keeps_its_stance_date_and_reason()
    {
        var form = Render("HUN", "ukraine-fund");
        form.WaitForAssertion(() => form.Find("input[data-testid=mode-add-evidence]").Click());
        form.WaitForAssertion(() => Assert.Contains("The stance, its date and reason stay", form.Markup));
        Assert.Empty(form.FindAll("[data-testid=edit-stance]"));
        Choose(form, "edit-source", "icaro-2024-04-stoltenberg-ukraine-fund");
        Fill(form, "edit-excerpt", "Hungary, which has rejected the NATO proposals.");

        form.Find("[data-testid=edit-save]").Click();

        form.WaitForAssertion(() => Assert.Single(_saved));
        Assert.NotNull(_saved[0].AddsEvidenceTo);
        var picture = await Context.Services.GetRequiredService<AlliancePictureCache>().GetAsync();
        var position = picture.PositionOf("HUN", "ukraine-fund");
        Assert.Equal((Stance.Opposes, new DateOnly(2024, 4, 3)), (position.Stance, position.EffectiveOn));
        Assert.Equal(2, position.Evidence.Count);
    }

    [Fact]
    public async Task One_statement_is_saved_for_the_members_other_proposal_with_its_own_stance()
    {
        var form = Render("HUN", "ukraine-fund");
        Choose<Stance?>(form, "edit-stance", Stance.OptsOut);
        Choose(form, "edit-source", "icaro-2024-04-stoltenberg-ukraine-fund");
        Fill(form, "edit-effective", "2024-07-10");
        ValidEvidence(form);
        Choose(form, "statement-add-proposal", "ramstein-coordination");
        form.WaitForAssertion(() => Assert.Single(form.FindAll("[data-testid=statement-cell][data-proposal=ramstein-coordination]")));

        form.Find("[data-testid=edit-save]").Click();
        AssertInvalid(form, "statement-stance", "Choose the stance the statement shows here.");
        Assert.Empty(_saved);

        Choose<Stance?>(form, "statement-stance", Stance.Conditional);
        Fill(form, "statement-conditions", "No Hungarian personnel.");
        Assert.Contains("Save for 2 cells", form.Find("[data-testid=edit-save]").TextContent);
        form.Find("[data-testid=edit-save]").Click();

        form.WaitForAssertion(() => Assert.Equal(2, _saved.Count));
        var picture = await Context.Services.GetRequiredService<AlliancePictureCache>().GetAsync();
        Assert.Equal(Stance.OptsOut, picture.PositionOf("HUN", "ukraine-fund").Stance);
        Assert.Equal(("No Hungarian personnel.", "Form test."),
            (picture.PositionOf("HUN", "ramstein-coordination").Conditions, picture.PositionOf("HUN", "ramstein-coordination").Rationale));
    }

    [Fact]
    public void An_effective_date_far_from_the_sources_date_warns_but_saves()
    {
        var form = Render("FRA", "ukraine-fund");
        ChooseSupportsCitingTheSeedArticle(form);
        Fill(form, "edit-effective", "2024-07-10");
        ValidEvidence(form);

        form.WaitForAssertion(() => Assert.Contains("98 days after the source's date (3 Apr 2024)", form.Find("[data-testid=date-warning]").TextContent));
        form.Find("[data-testid=edit-save]").Click();

        form.WaitForAssertion(() => Assert.Single(_saved));
    }
}
