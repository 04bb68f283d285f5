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

    private IRenderedComponent<StanceEditForm> Render(string member, string proposal) =>
        Context.Render<StanceEditForm>(p => p
            .Add(f => f.MemberAlpha3, member)
            .Add(f => f.ProposalSlug, proposal)
            .Add(f => f.OnSaved, change => _saved.Add(change)));

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

    private void ValidEvidence(IRenderedComponent<StanceEditForm> form)
    {
        Fill(form, "edit-reason", "Form test.");
        Fill(form, "edit-excerpt", "A short verbatim excerpt.");
    }

    [Fact]
    public void A_conditional_stance_without_conditions_is_refused_at_the_conditions_field()
    {
        var form = Render("ESP", "ukraine-fund");
        form.WaitForAssertion(() => Assert.Contains("duplication", form.Find("[data-testid=edit-conditions]").GetAttribute("value") ?? form.Find("[data-testid=edit-conditions]").TextContent));
        Fill(form, "edit-conditions", "");
        ValidEvidence(form);

        form.Find("[data-testid=edit-save]").Click();

        AssertInvalid(form, "edit-conditions", "A conditional stance must state its conditions");
        Assert.Empty(_saved);
    }

    [Fact]
    public void A_future_effective_date_is_refused_at_the_date_field()
    {
        var form = Render("FRA", "ukraine-fund");
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
    public async Task A_valid_change_is_saved_as_the_signed_in_editor()
    {
        var form = Render("FRA", "ukraine-fund");
        Fill(form, "edit-effective", "2024-06-01");
        ValidEvidence(form);

        form.Find("[data-testid=edit-save]").Click();

        form.WaitForAssertion(() => Assert.Single(_saved));
        Assert.Equal("form-editor@example.org", _saved[0].RecordedBy);
        var picture = await Context.Services.GetRequiredService<AlliancePictureCache>().GetAsync();
        Assert.Equal(Stance.Supports, picture.PositionOf("FRA", "ukraine-fund").Stance);
    }
}
