using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace AllianceTracker.Web.Components;

/// <summary>
/// A heading whose level the place decides (h2 where a card is a page section, h3 under a section
/// heading), so a shared component keeps the page's heading order.
/// </summary>
public sealed class HeadingElement : ComponentBase
{
    [Parameter, EditorRequired]
    public int Level { get; set; }

    [Parameter]
    public string? Class { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, $"h{Math.Clamp(Level, 1, 6)}");
        builder.AddAttribute(1, "class", Class);
        builder.AddContent(2, ChildContent);
        builder.CloseElement();
    }
}
