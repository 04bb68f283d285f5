using AllianceTracker.Web.Components;

namespace AllianceTracker.Tests.Components;

public sealed class ReadingViewTests
{
    [Fact]
    public void The_date_and_summit_of_the_address_ride_along_on_every_link()
    {
        var view = ReadingView.Of("http://localhost/?q=hun&asOf=2024-06-20&region=Northern+Europe&summit=washington-2024#main");

        Assert.Equal("members/HUN?asOf=2024-06-20&summit=washington-2024", view.Link("members/HUN"));
        Assert.Equal("?asOf=2024-06-20&summit=washington-2024", view.Link(""));
    }

    [Theory]
    [InlineData("http://localhost/members/HUN")]
    [InlineData("http://localhost/?asOf=")]
    [InlineData("http://localhost/?asOf=20%20June%202024")]
    public void Without_a_date_or_summit_in_the_address_a_link_is_just_its_path(string address)
    {
        var view = ReadingView.Of(address);

        Assert.Same(ReadingView.Today, view);
        Assert.Equal("proposals/ukraine-fund", view.Link("proposals/ukraine-fund"));
    }
}
