namespace AllianceTracker.Web.Features.History;

/// <summary>
/// Notices numbered by the database (SQLite's file or PostgreSQL): delivered in version order —
/// which is commit order — whatever order they arrive in, with a gap read back or, failing that,
/// turned into one resync; and the start from the database's version and remembered notices.
/// </summary>
public sealed partial class InProcessStanceChangeNotifier
{
    /// <summary>
    /// How long a notice that arrives ahead of an earlier one is held for the earlier one: a saving
    /// instance hears its own change at once, and one committed just before it a few milliseconds
    /// later through the database. Past this, the earlier one is taken as lost and a resync is sent.
    /// </summary>
    public static readonly TimeSpan GapPatience = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Fans out a notice numbered elsewhere (the database). One at or below the current version is
    /// old news and dropped. One that skips versions is held back until the ones before it arrive,
    /// then all go out in order; if they have not come within <see cref="GapPatience"/>, they were
    /// missed, and subscribers get one resync at the newest version instead.
    /// </summary>
    public void Deliver(StanceChangeNotice numbered)
    {
        lock (_gate)
        {
            var current = Interlocked.Read(ref _version);
            if (numbered.Version <= current)
            {
                return;
            }

            if (numbered.Version > current + 1)
            {
                _heldBack[numbered.Version] = numbered;
                _gapTimer ??= _clock.CreateTimer(_ => _ = GiveUpOnGapAsync(), null, GapPatience, Timeout.InfiniteTimeSpan);
                return;
            }

            DeliverInOrder(numbered);
            while (_heldBack.Remove(Interlocked.Read(ref _version) + 1, out var next))
            {
                DeliverInOrder(next);
            }

            if (_heldBack.Count == 0)
            {
                StopWaitingForGap();
            }
        }
    }

    /// <summary>Whether it has started from a database's version (<see cref="StartFrom"/> or <see cref="CatchUpTo"/>).</summary>
    public bool IsStarted
    {
        get
        {
            lock (_gate)
            {
                return _started;
            }
        }
    }

    /// <summary>How many notices are held back waiting for an earlier one (for tests).</summary>
    public int HeldBack
    {
        get
        {
            lock (_gate)
            {
                return _heldBack.Count;
            }
        }
    }

    /// <summary>
    /// Starts from what the database remembers (at start-up): its version, and the notices before it
    /// that a listener reconnecting across a restart may have missed. Nobody subscribed held anything.
    /// </summary>
    public void StartFrom(long version, IEnumerable<StanceChangeNotice> remembered)
    {
        lock (_gate)
        {
            _started = true;
            Interlocked.Exchange(ref _version, version);
            _recent.Clear();
            foreach (var notice in remembered.Where(n => n.Version <= version).OrderBy(n => n.Version).TakeLast(RememberedNotices))
            {
                _recent.Enqueue(notice);
            }
        }
    }

    private void DeliverInOrder(StanceChangeNotice numbered)
    {
        Interlocked.Exchange(ref _version, numbered.Version);
        Offer(Remember(numbered), numbered);
    }

    /// <summary>
    /// Where notices that never arrived can be read back (the database's recent notices): asked,
    /// with the versions after which and up to which they are missing, before a gap becomes a
    /// resync. Null: nowhere. It answers null when it cannot.
    /// </summary>
    public Func<long, long, Task<IReadOnlyList<StanceChangeNotice>?>>? ReadMissed { get; set; }

    private async Task GiveUpOnGapAsync()
    {
        long current;
        long newest;
        lock (_gate)
        {
            if (_heldBack.Count == 0)
            {
                StopWaitingForGap();
                return;
            }

            current = Interlocked.Read(ref _version);
            newest = _heldBack.Keys.Max();
        }

        // Outside the lock: a database read. A NOTIFY lost with a dropped connection is still in
        // the database's recent notices, so readers get it rather than "read everything again".
        IReadOnlyList<StanceChangeNotice>? missed = null;
        try
        {
            missed = ReadMissed is null ? null : await ReadMissed(current, newest);
        }
        catch (Exception ex)
        {
            Log.MissedUnread(_logger, ex, current);
        }

        lock (_gate)
        {
            StopWaitingForGap();
            foreach (var notice in missed ?? [])
            {
                if (notice.Version == Interlocked.Read(ref _version) + 1)
                {
                    DeliverInOrder(notice);
                    _heldBack.Remove(notice.Version);
                }
            }

            while (_heldBack.Remove(Interlocked.Read(ref _version) + 1, out var next))
            {
                DeliverInOrder(next);
            }

            if (_heldBack.Count == 0)
            {
                return;
            }

            newest = _heldBack.Keys.Max();
            _heldBack.Clear();
            _recent.Clear();
            Interlocked.Exchange(ref _version, newest);
            Log.NeverArrived(_logger, newest);
            Offer(_subscribers, StanceChangeNotice.Resync(newest));
        }
    }

    private void StopWaitingForGap()
    {
        _gapTimer?.Dispose();
        _gapTimer = null;
    }

    /// <summary>
    /// Moves to <paramref name="version"/> (the database's, read when a listener connects or
    /// reconnects): if it is ahead, whatever happened meanwhile is unknown here, so every subscriber
    /// is told to read everything again.
    /// </summary>
    public void CatchUpTo(long version)
    {
        lock (_gate)
        {
            var first = !_started;
            _started = true;
            if (version <= Interlocked.Read(ref _version))
            {
                return;
            }

            Interlocked.Exchange(ref _version, version);
            _recent.Clear();
            foreach (var old in _heldBack.Keys.Where(v => v <= version).ToList())
            {
                _heldBack.Remove(old);
            }

            if (!first)
            {
                Offer(_subscribers, StanceChangeNotice.Resync(version));
            }

            // (At start-up nobody held anything older: no resync.) What waited for this gap goes out now.
            while (_heldBack.Remove(Interlocked.Read(ref _version) + 1, out var next))
            {
                DeliverInOrder(next);
            }
        }
    }
}
