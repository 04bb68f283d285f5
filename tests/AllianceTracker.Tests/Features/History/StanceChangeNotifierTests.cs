using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Features.History;
using Microsoft.Extensions.Logging.Abstractions;

namespace AllianceTracker.Tests.Features.History;

/// <summary>A save announces a change and returns; every subscriber hears it on its own queue.</summary>
public sealed class StanceChangeNotifierTests
{
    private readonly InProcessStanceChangeNotifier _notifier = new(NullLogger<InProcessStanceChangeNotifier>.Instance);

    private static StanceChangeNotice Notice(string member = "HUN") => new([new StanceCell(member, "ukraine-fund")], "test");

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
}
