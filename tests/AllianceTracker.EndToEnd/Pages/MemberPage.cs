using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Pages;

public sealed class MemberPage(IPage page) : AppPage(page)
{
    public ILocator Position(string proposal) => Page.Locator($".position-card[data-proposal='{proposal}']");

    public ILocator TimelineEntries => Page.Locator(".timeline-entry");

    public Task OpenAsync(string alpha3, string query = "") => GoToAsync($"/members/{alpha3}{query}");
}
