// Two "features" that use each other: the cycle the dependency rules must catch. They exist only
// so that DependencyRulesTests can show its cycle rule fails on a real cycle, not just passes on the app.

namespace AllianceTracker.Tests.Architecture.CycleFixture.Features.Alpha
{
    public sealed class UsesBeta
    {
        public Beta.UsesAlpha? Partner { get; init; }
    }
}

namespace AllianceTracker.Tests.Architecture.CycleFixture.Features.Beta
{
    public sealed class UsesAlpha
    {
        public Alpha.UsesBeta? Partner { get; init; }
    }
}

namespace AllianceTracker.Tests.Architecture.CycleFixture.Features.Gamma
{
    /// <summary>Uses Alpha without being used back: a dependency, not a cycle.</summary>
    public sealed class UsesAlphaOneWay
    {
        public Alpha.UsesBeta? Partner { get; init; }
    }
}
