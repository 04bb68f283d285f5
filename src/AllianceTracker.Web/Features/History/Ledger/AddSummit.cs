using AllianceTracker.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace AllianceTracker.Web.Features.History;

/// <summary>Adds a summit. Announced like every write: the pictures and the open pages list summits.</summary>
/// <exception cref="EditValidationException">A rule is broken, or the slug is taken; nothing was written.</exception>
public sealed class AddSummit(SummitInput input) : ILedgerWrite<Summit>
{
    public async Task<LedgerStep<Summit>> ApplyAsync(LedgerContext context, CancellationToken cancellationToken)
    {
        var problems = new FieldProblems();
        problems.Add(SummitRules.Check(input));
        problems.Add("slug", await context.Db.Summits.AnyAsync(s => s.Slug == input.Slug, cancellationToken) ? $"A summit '{input.Slug}' exists already." : null);
        problems.ThrowIfAny();

        var summit = input.ToSummit();
        context.Db.Summits.Add(summit);
        return new LedgerStep<Summit>(summit, []);
    }
}
