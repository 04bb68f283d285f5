using System.Net;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Web.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AllianceTracker.Tests.Hosting;

/// <summary>
/// Each place the app replaces or works around a framework default (docs/architecture.md,
/// "Framework overrides") relies on something about the framework that an upgrade could change
/// silently. Each test here fails when that something changes, so the override is looked at again
/// instead of quietly doing nothing (or too much).
/// </summary>
public sealed class FrameworkOverridesTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly AllianceAppFactory _app = new();
    private IReadOnlyList<ServiceDescriptor> _services = [];

    public Task InitializeAsync()
    {
        // Test hosts' ConfigureServices run after Program's registrations: what is seen here is the app's final set.
        _ = _app.WithWebHostBuilder(b => b.ConfigureServices(services => _services = services.ToList())).Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    ValueTask IAsyncDisposable.DisposeAsync() => new(DisposeAsync());

    [Fact]
    public void Antiforgery_is_wrapped_once_around_the_frameworks_own()
    {
        // ReadingSetup replaces the last IAntiforgery registration with a wrapper that gives
        // cacheable reads no token. Two registrations, or another default, would bypass or break it.
        var antiforgery = Assert.Single(_services, d => d.ServiceType == typeof(IAntiforgery));
        Assert.NotNull(antiforgery.ImplementationFactory);
        using var scope = _app.Services.CreateScope();
        var wrapper = scope.ServiceProvider.GetRequiredService<IAntiforgery>();
        Assert.Equal("ReadingAntiforgery", wrapper.GetType().Name);
        var inner = wrapper.GetType().GetFields(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
            .Select(f => f.GetValue(wrapper)).OfType<IAntiforgery>().Single();
        Assert.Equal("Microsoft.AspNetCore.Antiforgery.DefaultAntiforgery", inner.GetType().FullName);
    }

    [Fact]
    public void The_context_factory_is_replaced_by_one_that_chooses_the_provider_and_ef_still_registers_a_type_to_build()
    {
        // DataSetup removes EF Core's IDbContextFactory registration and builds its ImplementationType
        // itself for SQLite. If EF registered a factory delegate instead, that would be null.
        var efOwn = new ServiceCollection().AddDbContextFactory<AllianceDbContext>(o => o.UseSqlite("Data Source=:memory:"))
            .Last(d => d.ServiceType == typeof(IDbContextFactory<AllianceDbContext>));
        Assert.NotNull(efOwn.ImplementationType);

        Assert.Single(_services, d => d.ServiceType == typeof(IDbContextFactory<AllianceDbContext>));
        using var db = _app.Services.GetRequiredService<IDbContextFactory<AllianceDbContext>>().CreateDbContext();
        Assert.Equal(AllianceAppFactory.OnPostgreSqlByDefault ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
    }

    [Fact]
    public void The_data_protection_warm_up_removed_by_name_still_exists_under_that_name_and_is_gone_from_the_app()
    {
        // AccessSetup removes the hosted service named DataProtectionHostedService (it would read the
        // key ring before the migrations made its table). Renamed upstream, the removal would do nothing.
        var frameworks = new ServiceCollection().AddDataProtection().Services;
        Assert.Single(frameworks, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService");

        Assert.DoesNotContain(_services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "DataProtectionHostedService");
    }

    [Fact]
    public async Task Routing_still_refuses_head_on_a_get_endpoint_so_the_apps_head_as_get_is_needed()
    {
        // Api/HeadRequests answers HEAD as the GET it mirrors. If the framework begins to do that
        // itself, this fails: the rewrite can go (HttpSemanticsTests keep the behaviour).
        await using var bare = await BareAppAsync(app => app.MapGet("/thing", () => "a body"));
        using var client = bare.GetTestClient();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/thing"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, head.StatusCode);
    }

    [Fact]
    public async Task The_output_cache_still_changes_the_case_of_the_enhanced_navigation_header()
    {
        // ReadingSetup puts "allow" back on cached pages; blazor.web.js compares it case-sensitively.
        // If the output cache starts keeping the value as written, this fails and the fix can go.
        await using var bare = await BareAppAsync(
            app => app.MapGet("/page", (HttpContext context) =>
            {
                context.Response.Headers["blazor-enhanced-nav"] = "allow";
                return "a page";
            }).CacheOutput(),
            services => services.AddOutputCache(),
            app => app.UseOutputCache());
        using var client = bare.GetTestClient();

        using var first = await client.GetAsync("/page");
        using var cached = await client.GetAsync("/page");

        Assert.Equal("allow", first.Headers.GetValues("blazor-enhanced-nav").Single());
        Assert.NotEqual("allow", cached.Headers.GetValues("blazor-enhanced-nav").Single());
    }

    private static async Task<WebApplication> BareAppAsync(Action<WebApplication> map, Action<IServiceCollection>? services = null, Action<WebApplication>? use = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        use?.Invoke(app);
        map(app);
        await app.StartAsync();
        return app;
    }
}
