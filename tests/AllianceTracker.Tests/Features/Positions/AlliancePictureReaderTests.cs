using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.Positions;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Tests.Features.Positions;

public sealed class AlliancePictureReaderTests : IAsyncLifetime
{
    private static readonly FixedClock Clock = FixedClock.On(2026, 11, 28);

    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(seeded: true, Clock);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private AlliancePictureReader Reader => new(_database, Clock);

    [Fact]
    public async Task Today_the_seeded_picture_has_every_member_on_every_proposal()
    {
        var picture = await Reader.ReadAsync();

        Assert.Equal(new DateOnly(2026, 11, 28), picture.AsOf);
        Assert.Equal(32, picture.Members.Count);
        Assert.Equal(["ukraine-fund", "ramstein-coordination", "membership-invitation"], picture.Proposals.Select(p => p.Slug));
        Assert.Equal(96, picture.Positions.Count);
        Assert.Equal(Stance.Opposes, picture.PositionOf("HUN", "ukraine-fund").Stance);
        Assert.Equal(Stance.Unknown, picture.PositionOf("FRA", "ukraine-fund").Stance);
        Assert.All(picture.Consensus, c => Assert.Equal(ConsensusStatus.Blocked, c.Result.Status));
    }

    [Fact]
    public async Task Before_the_first_record_every_member_is_unknown_and_nothing_is_blocked()
    {
        var picture = await Reader.ReadAsync(new DateOnly(2024, 4, 2));

        Assert.All(picture.Positions, p => Assert.Equal(Stance.Unknown, p.Stance));
        Assert.All(picture.Consensus, c => Assert.Equal(ConsensusStatus.Open, c.Result.Status));
    }

    [Fact]
    public async Task The_latest_effective_entry_wins_and_earlier_dates_still_show_the_earlier_stance()
    {
        await AppendAsync("SVK", "ukraine-fund", Stance.Opposes, new DateOnly(2024, 6, 1));

        var before = await Reader.ReadAsync(new DateOnly(2024, 5, 31));
        var after = await Reader.ReadAsync(new DateOnly(2024, 6, 1));

        Assert.Equal(Stance.Undecided, before.PositionOf("SVK", "ukraine-fund").Stance);
        Assert.Equal(Stance.Opposes, after.PositionOf("SVK", "ukraine-fund").Stance);
        Assert.Equal(["HUN", "SVK"], after.Consensus.Single(c => c.Proposal.Slug == "ukraine-fund").Result.Blockers);
    }

    [Fact]
    public async Task A_backfilled_entry_with_an_earlier_effective_date_does_not_override_a_later_one()
    {
        await AppendAsync("HUN", "ukraine-fund", Stance.Supports, new DateOnly(2024, 3, 1));

        var picture = await Reader.ReadAsync(new DateOnly(2024, 7, 1));

        Assert.Equal(Stance.Opposes, picture.PositionOf("HUN", "ukraine-fund").Stance);
    }

    [Fact]
    public async Task Two_entries_on_the_same_day_resolve_to_the_one_recorded_last()
    {
        await AppendAsync("HUN", "ukraine-fund", Stance.Undecided, new DateOnly(2024, 4, 3), Clock.GetUtcNow().UtcDateTime.AddMinutes(1));

        var picture = await Reader.ReadAsync();

        Assert.Equal(Stance.Undecided, picture.PositionOf("HUN", "ukraine-fund").Stance);
    }

    [Fact]
    public async Task A_position_carries_its_evidence_with_the_source()
    {
        var picture = await Reader.ReadAsync();

        var usa = picture.PositionOf("USA", "membership-invitation");
        Assert.Equal(2, usa.Evidence.Count);
        Assert.All(usa.Evidence, e => Assert.Equal("ICARO Media Group", e.Source.Outlet));
        Assert.Contains(usa.Evidence, e => e.Excerpt.Contains("Blinken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_picture_narrowed_to_one_proposal_holds_only_that_proposal()
    {
        var picture = (await Reader.ReadAsync()).ForProposal("membership-invitation")!;

        Assert.Equal(["membership-invitation"], picture.Proposals.Select(p => p.Slug));
        Assert.Equal(32, picture.Positions.Count);
        Assert.All(picture.Positions, p => Assert.Equal("membership-invitation", p.ProposalSlug));
    }

    private async Task AppendAsync(string member, string proposal, Stance stance, DateOnly effectiveOn, DateTime? recordedAt = null)
    {
        await using var db = _database.CreateDbContext();
        var proposalId = await db.Proposals.Where(p => p.Slug == proposal).Select(p => p.Id).SingleAsync();
        var sourceId = await db.Sources.Select(s => s.Id).FirstAsync();
        db.StanceChanges.Add(new StanceChange
        {
            MemberAlpha3 = member,
            ProposalId = proposalId,
            Stance = stance,
            EffectiveOn = effectiveOn,
            Rationale = "Test entry.",
            RecordedAtUtc = recordedAt ?? Clock.GetUtcNow().UtcDateTime,
            RecordedBy = "test",
            Evidence = [new StanceEvidence { SourceId = sourceId, Excerpt = "Test excerpt." }],
        });
        await db.SaveChangesAsync();
    }
}

