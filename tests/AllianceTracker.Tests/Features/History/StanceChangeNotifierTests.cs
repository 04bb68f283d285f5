using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.History;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllianceTracker.Tests.Features.History;

/// <summary>A save announces a change and returns; every subscriber hears it on its own queue.</summary>
public sealed class StanceChangeNotifierTests
{
    private readonly InProcessStanceChangeNotifier _notifier = new(NullLogger<InProcessStanceChangeNotifier>.Instance);

    private static StanceChangeNotice Notice(string member = "HUN") => new([new StanceCell(member, "ukraine-fund")]);

    [Fact]
    public async Task Publishing_does_not_wait_for_a_stuck_subscriber_and_the_others_still_hear()
    {
        var release = new TaskCompletionSource();
        using var stuck = _notifier.Subscribe(_ => release.Task);
        using var heard = new HeardNotices(_notifier);

        var publishing = _notifier.PublishAsync(Notice());

        Assert.True(publishing.IsCompletedSuccessfully);
        Assert.Equal(1, Assert.Single(await heard.WaitForAsync(1)).Version);
        release.SetResult();
    }

    [Fact]
    public async Task A_subscriber_that_falls_too_far_behind_gets_one_resync_with_the_latest_version()
    {
        var busy = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        using var slow = new HeardNotices(_notifier, async notice =>
        {
            if (notice.Version == 1)
            {
                busy.SetResult();
                await release.Task;
            }
        });
        var published = InProcessStanceChangeNotifier.QueueCapacity + 6;

        await _notifier.PublishAsync(Notice());
        await busy.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 1; i < published; i++)
        {
            await _notifier.PublishAsync(Notice());
        }

        release.SetResult();
        var notices = await slow.WaitForAsync(2);
        Assert.Equal(1, notices[0].Version);
        Assert.True(notices[1].IsResync);
        Assert.Equal(published, notices[1].Version);
        Assert.Empty(notices[1].Cells);
    }

    [Fact]
    public async Task A_subscriber_that_throws_keeps_hearing_and_so_do_the_others()
    {
        using var failing = new HeardNotices(_notifier, _ => throw new InvalidOperationException("A broken page."));
        using var healthy = new HeardNotices(_notifier);

        await _notifier.PublishAsync(Notice("HUN"));
        await _notifier.PublishAsync(Notice("SVK"));

        Assert.Equal(["HUN", "SVK"], (await healthy.WaitForAsync(2)).Select(n => n.Cells[0].MemberAlpha3));
        Assert.Equal(2, _notifier.Version);
    }

    [Fact]
    public async Task A_closed_subscription_stops_hearing()
    {
        var heard = new HeardNotices(_notifier);
        Assert.Equal(1, _notifier.SubscriberCount);

        heard.Dispose();
        await _notifier.PublishAsync(Notice());

        Assert.Equal(0, _notifier.SubscriberCount);
        Assert.Empty(heard.All);
    }

    [Fact]
    public async Task A_listener_that_reconnects_catches_up_on_what_it_missed_or_is_told_to_resync()
    {
        for (var i = 0; i < InProcessStanceChangeNotifier.RememberedNotices + 10; i++)
        {
            await _notifier.PublishAsync(Notice());
        }

        var current = _notifier.Version;
        Assert.Equal([current - 1, current], _notifier.Since(current - 2)!.Select(n => n.Version));
        Assert.Empty(_notifier.Since(current)!);
        Assert.Null(_notifier.Since(3));
        Assert.Null(_notifier.Since(current + 1));
    }

    private static StanceChangeNotice Numbered(long version, string member) => Notice(member) with { Version = version };

    [Fact]
    public async Task Notices_numbered_by_the_database_that_arrive_out_of_order_are_delivered_in_order_without_a_resync()
    {
        // An instance hears its own save (version 2) before the one committed just before it on
        // another instance (version 1) reaches it through the database: no reason to resync.
        using var heard = new HeardNotices(_notifier);

        _notifier.Deliver(Numbered(2, "DEU"));
        Assert.Equal(1, _notifier.HeldBack);
        Assert.Equal(0, _notifier.Version);
        _notifier.Deliver(Numbered(1, "FRA"));
        _notifier.Deliver(Numbered(3, "ITA"));

        var notices = await heard.WaitForAsync(3);
        Assert.Equal([(1L, false, "FRA"), (2L, false, "DEU"), (3L, false, "ITA")], notices.Select(n => (n.Version, n.IsResync, n.Cells[0].MemberAlpha3)));
        Assert.Equal(0, _notifier.HeldBack);
        Assert.Equal(3, _notifier.Since(0)!.Count);
    }

    [Fact]
    public async Task A_notice_that_never_arrives_is_given_up_on_after_a_moment_with_one_resync_at_the_newest_version()
    {
        using var heard = new HeardNotices(_notifier);
        _notifier.Deliver(Numbered(1, "FRA"));

        _notifier.Deliver(Numbered(3, "ITA"));
        _notifier.Deliver(Numbered(4, "ESP"));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var notices = await heard.WaitForAsync(2);

        Assert.Equal([(1L, false), (4L, true)], notices.Select(n => (n.Version, n.IsResync)));
        Assert.True(waited.Elapsed >= InProcessStanceChangeNotifier.GapPatience * 0.9, "gave up before the patience ran out");
        Assert.Equal((4L, 0), (_notifier.Version, _notifier.HeldBack));
        // What happened in the gap is unknown: a listener from before it must read everything again.
        Assert.Null(_notifier.Since(1));
    }

    [Fact]
    public async Task A_gap_that_does_not_fill_is_read_back_from_where_notices_are_kept_before_it_becomes_a_resync()
    {
        // A NOTIFY lost with a dropped connection is still among the database's recent notices.
        (long After, long UpTo)? asked = null;
        _notifier.ReadMissed = (after, upTo) =>
        {
            asked = (after, upTo);
            return Task.FromResult<IReadOnlyList<StanceChangeNotice>?>([Numbered(2, "DEU"), Numbered(3, "ITA")]);
        };
        using var heard = new HeardNotices(_notifier);
        _notifier.Deliver(Numbered(1, "FRA"));

        _notifier.Deliver(Numbered(3, "ITA"));
        var notices = await heard.WaitForAsync(3);

        Assert.Equal((1L, 3L), asked);
        Assert.Equal([(1L, false, "FRA"), (2L, false, "DEU"), (3L, false, "ITA")], notices.Select(n => (n.Version, n.IsResync, n.Cells[0].MemberAlpha3)));
        Assert.Equal((3L, 0), (_notifier.Version, _notifier.HeldBack));
    }

    [Fact]
    public void Started_from_the_database_it_goes_on_from_its_version_and_remembers_its_notices()
    {
        _notifier.StartFrom(41, [Numbered(40, "FRA"), Numbered(41, "DEU")]);

        Assert.Equal(41, _notifier.Version);
        Assert.Equal(["DEU"], _notifier.Since(40)!.Select(n => n.Cells[0].MemberAlpha3));
        Assert.Equal(["FRA", "DEU"], _notifier.Since(39)!.Select(n => n.Cells[0].MemberAlpha3));
        Assert.Null(_notifier.Since(30));
    }
}
