using System.Data.Common;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Data;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Dashboard;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AllianceTracker.Tests.Components;

/// <summary>
/// A live page's loads overlap: its own (a new address) and a change's. The one that began last is
/// the newest; one that began earlier and finishes later must not put older data back on screen
/// (the cluster test's editor kept a stance from before their own save).
/// </summary>
public sealed class LivePicturePageLoadOrderTests : PageTest
{
    private readonly HeldReads _reads = new();

    private NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    protected override void ConfigureServices() =>
        Context.Services.AddSingleton(_reads.Over(Database));

    private static string StanceOf(IRenderedComponent<DashboardPage> page, string member, string proposal) =>
        page.Find($"tr[data-member='{member}'] td[data-proposal='{proposal}']").GetAttribute("data-stance")!;

    [Fact]
    public async Task A_load_begun_before_a_change_that_finishes_after_it_does_not_put_the_old_picture_back()
    {
        Navigation.NavigateTo("/");
        var page = Context.Render<DashboardPage>();
        Assert.Equal("unknown", StanceOf(page, "FRA", "ukraine-fund"));

        // The page's own load (another date) reads the history before the change, and is held
        // before it returns: a slow read on a busy instance.
        _reads.HoldNextPictureRead();
        await page.InvokeAsync(() => Navigation.NavigateTo("/?asOf=2026-11-27"));
        await _reads.Held;

        // The change commits and is announced; the page reads it and shows it.
        await RecordAsync("FRA", "ukraine-fund", Stance.Supports, new DateOnly(2024, 5, 1));
        page.WaitForAssertion(() => Assert.Equal("supports", StanceOf(page, "FRA", "ukraine-fund")));

        // Now the older load finishes: the page has loaded the new address (it says so) ...
        _reads.Release();
        page.WaitForAssertion(() => Assert.EndsWith("?asOf=2026-11-27", page.Find("[data-view-url]").GetAttribute("data-view-url")));

        // ... and still shows the change, not the picture from before it.
        Assert.Equal("supports", StanceOf(page, "FRA", "ukraine-fund"));
    }

    [Fact]
    public async Task An_editors_own_save_is_shown_before_its_notice_comes()
    {
        Navigation.NavigateTo("/");
        var page = Context.Render<DashboardPage>();

        // Committed, but this page's notifier has not moved yet (the notice is held for an
        // earlier one on a cluster's instance): the cache still holds the picture from before.
        var elsewhere = new Web.Features.History.InProcessStanceChangeNotifier(Microsoft.Extensions.Logging.Abstractions.NullLogger<Web.Features.History.InProcessStanceChangeNotifier>.Instance);
        await Shared.TestEditors.Recorder(Database, Clock, elsewhere).RecordAsync(Shared.TestEditors.Editor(), new StanceChangeInput(
            "FRA", "ukraine-fund", Stance.Supports, null, new DateOnly(2024, 5, 1), "Test rationale.",
            [new EvidenceInput("icaro-2024-04-stoltenberg-ukraine-fund", "A test excerpt.")]));
        await page.InvokeAsync(() => Context.Services.GetRequiredService<Web.Components.OwnSaves>().AnnounceAsync());

        Assert.Equal("supports", StanceOf(page, "FRA", "ukraine-fund"));
        Assert.Contains("cell-changed", page.Find("tr[data-member='FRA'] td[data-proposal='ukraine-fund']").ClassName);
    }

    /// <summary>
    /// Contexts over the test's database; the next one that reads the members (a picture read) can
    /// be held once it has read everything, before it is disposed and the read returns.
    /// </summary>
    private sealed class HeldReads : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _armed;

        public Task Held => _held.Task;

        public void HoldNextPictureRead() => Volatile.Write(ref _armed, 1);

        public void Release() => _release.SetResult();

        public IDbContextFactory<AllianceDbContext> Over(TestDatabase database) => new Factory(
            new DbContextOptionsBuilder<AllianceDbContext>().UseSqlite($"Data Source={database.Path}").AddInterceptors(this).Options, this);

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Mark(command, eventData);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Mark(command, eventData);
            return ValueTask.FromResult(result);
        }

        private void Mark(DbCommand command, CommandEventData eventData)
        {
            if (eventData.Context is HeldContext context && command.CommandText.Contains("FROM \"Members\"", StringComparison.Ordinal)
                && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                context.Hold = this;
            }
        }

        private async Task WaitAsync()
        {
            _held.TrySetResult();
            await _release.Task;
        }

        private sealed class Factory(DbContextOptions<AllianceDbContext> options, HeldReads reads) : IDbContextFactory<AllianceDbContext>
        {
            public AllianceDbContext CreateDbContext() => new HeldContext(options, reads);
        }

        private sealed class HeldContext(DbContextOptions<AllianceDbContext> options, HeldReads reads) : AllianceDbContext(options)
        {
            public HeldReads? Hold { get; set; }

            public override async ValueTask DisposeAsync()
            {
                if (Hold is not null)
                {
                    await reads.WaitAsync();
                }

                await base.DisposeAsync();
            }
        }
    }
}
