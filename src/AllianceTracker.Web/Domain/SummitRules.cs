namespace AllianceTracker.Web.Domain;

public static class SummitRules
{
    public static IEnumerable<FieldProblem> Check(SummitInput summit)
    {
        if (CodePatterns.CheckSlug(summit.Slug, "washington-2024") is { } slug)
        {
            yield return new("slug", slug);
        }

        if (string.IsNullOrWhiteSpace(summit.Name))
        {
            yield return new("name", "Give the summit's name.");
        }

        if (string.IsNullOrWhiteSpace(summit.City))
        {
            yield return new("city", "Give the host city.");
        }

        if (summit.EndsOn < summit.StartsOn)
        {
            yield return new("endsOn", $"The summit cannot end ({summit.EndsOn.ToIso()}) before it starts ({summit.StartsOn.ToIso()}).");
        }

        foreach (var problem in TextPolicy.Problems(("name", summit.Name, TextPolicy.Title), ("city", summit.City, TextPolicy.Title)))
        {
            yield return problem;
        }
    }
}
