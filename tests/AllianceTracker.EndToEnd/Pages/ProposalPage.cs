using Microsoft.Playwright;

namespace AllianceTracker.EndToEnd.Pages;

public sealed class ProposalPage(IPage page) : AppPage(page)
{
    public ILocator MapMember(string alpha3) => Page.Locator($"a.map-member[data-member='{alpha3}']");

    public ILocator Group(string stance) => Page.Locator($".stance-group[data-stance='{stance}']");

    public Task OpenAsync(string slug, string query = "") => GoToAsync($"/proposals/{slug}{query}");
}
