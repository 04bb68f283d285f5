using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.EndToEnd.Infrastructure;

/// <summary>
/// Another site on another loopback port — another origin, in the same address space, so Chromium
/// treats its requests to the app as any newsroom's page would be treated — serving one page.
/// </summary>
public sealed class NewsroomSite : IAsyncDisposable
{
    private readonly WebApplication _site;

    private NewsroomSite(WebApplication site, Uri address)
    {
        _site = site;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<NewsroomSite> StartAsync(string html)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        var site = builder.Build();
        site.MapGet("/{**path}", () => Results.Content(html, "text/html; charset=utf-8"));
        await site.StartAsync();
        var address = site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new NewsroomSite(site, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _site.StopAsync();
        await _site.DisposeAsync();
    }
}
