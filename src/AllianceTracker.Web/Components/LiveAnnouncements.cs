namespace AllianceTracker.Web.Components;

/// <summary>
/// What the page's one polite live region says next, for pages in a circuit (editors): a page
/// announces, the live region in the layout (Shell/LiveRegion.razor) renders it. Readers' pages have no circuit;
/// their page script writes the same region (src/web-assets/AllianceTracker.Web.lib.module.js).
/// Scoped: one per circuit.
/// </summary>
public sealed class LiveAnnouncements
{
    public event Action<string>? Announced;

    public void Announce(string text) => Announced?.Invoke(text);
}
