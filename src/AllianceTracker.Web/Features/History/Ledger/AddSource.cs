using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.History;

/// <summary>Adds a source on its own (to cite later), with a key made from its outlet and date.</summary>
/// <exception cref="EditValidationException">A rule is broken; nothing was written.</exception>
public sealed class AddSource(SourceInput input) : ILedgerWrite<Source>
{
    public Task<LedgerStep<Source>> ApplyAsync(LedgerContext context, CancellationToken cancellationToken)
    {
        var problems = new FieldProblems();
        problems.Add(SourceRules.Check(input, context.Today));
        problems.ThrowIfAny();

        var source = input.ToSource(SourceKeys.New(input));
        context.Db.Sources.Add(source);
        return Task.FromResult(new LedgerStep<Source>(source, []));
    }
}
