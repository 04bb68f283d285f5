namespace AllianceTracker.Web.Domain;

public sealed class Summit
{
    public int Id { get; init; }

    public required string Slug { get; init; }

    public required string Name { get; init; }

    public required string City { get; init; }

    public required DateOnly StartsOn { get; init; }

    public required DateOnly EndsOn { get; init; }

    public List<Proposal> Proposals { get; init; } = [];
}
