using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.Stances;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.Tests.Features.Stances;

/// <summary>
/// The edit button the dashboard hands its matrix for each cell (the matrix itself knows nothing
/// of editing; <c>StanceMatrixTests</c>).
/// </summary>
public sealed class StanceEditButtonTests : MudComponentTest
{
    private AngleSharp.Dom.IElement RenderButton(bool interactive)
    {
        Context.SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", interactive));
        var editor = Context.Services.GetRequiredService<StanceEditor>();
        return Context.Render(editor.Button("HUN", "Hungary", "ukraine-fund", "€100bn five-year fund for Ukraine", null, interactive))
            .Find("button.edit-stance");
    }

    [Fact]
    public void An_interactive_button_is_enabled_and_named_after_its_cell()
    {
        var button = RenderButton(interactive: true);

        Assert.False(button.HasAttribute("disabled"));
        Assert.Equal("HUN", button.GetAttribute("data-member"));
        Assert.Equal("ukraine-fund", button.GetAttribute("data-proposal"));
        Assert.Equal("Edit Hungary's stance on €100bn five-year fund for Ukraine", button.GetAttribute("aria-label"));
    }

    [Fact]
    public void Before_the_editors_page_is_interactive_the_button_is_disabled_and_says_editing_is_starting()
    {
        // The server-rendered page an editor sees for the first second or two, before the circuit:
        // a click on a pencil then did nothing at all (issue 29).
        var button = RenderButton(interactive: false);

        Assert.True(button.HasAttribute("disabled"));
        Assert.Equal("Edit Hungary's stance on €100bn five-year fund for Ukraine (editing is starting)", button.GetAttribute("aria-label"));
        Assert.Equal("Editing is starting…", button.GetAttribute("title"));
    }
}
