using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Syntax.Elements.Types;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using static ArchUnitNET.Fluent.Slices.SliceRuleDefinition;

namespace AllianceTracker.Tests.Architecture;

/// <summary>The dependency rules written down in docs/architecture.md, checked on the compiled app.</summary>
public sealed class DependencyRulesTests
{
    private const string App = "AllianceTracker.Web";

    private static readonly ArchUnitNET.Domain.Architecture Compiled = new ArchLoader().LoadAssemblies(typeof(Program).Assembly).Build();

    /// <summary>Rule 1: features may use each other, but never in a cycle (A → B → A).</summary>
    public static IArchRule FeaturesAreFreeOfCycles(string root) =>
        Slices().Matching($"{root}.Features.(*)..").Should().BeFreeOfCycles();

    /// <summary>Types in <paramref name="area"/> and below (e.g. "Features.History").</summary>
    private static GivenTypesConjunctionWithDescription In(string area) => Types().That().ResideInNamespaceOrBelow($"{App}.{area}").As(area);

    /// <summary>Types of the app outside the listed areas (each with what is below it).</summary>
    private static GivenTypesConjunctionWithDescription AnythingBut(params string[] areas) =>
        Types().That().ResideInNamespaceOrBelow(App)
            .And().DoNotResideInNamespaceMatching($@"^{Escape(App)}\.({string.Join("|", areas.Select(Escape))})(\..*)?$")
            .As($"anything but {string.Join(", ", areas)}");

    private static string Escape(string name) => name.Replace(".", @"\.");

    [Fact]
    public void Features_do_not_depend_on_each_other_in_cycles() => FeaturesAreFreeOfCycles(App).Check(Compiled);

    [Fact]
    public void The_cycle_rule_fails_on_two_features_that_use_each_other()
    {
        var fixture = new ArchLoader().LoadAssemblies(typeof(CycleFixture.Features.Alpha.UsesBeta).Assembly).Build();

        var failure = Assert.Throws<FailedArchRuleException>(() => FeaturesAreFreeOfCycles("AllianceTracker.Tests.Architecture.CycleFixture").Check(fixture));

        Assert.Contains("Alpha", failure.Message);
        Assert.Contains("Beta", failure.Message);
        Assert.DoesNotContain("Gamma", failure.Message);
    }

    [Fact]
    public void The_domain_depends_on_nothing_else_in_the_app() =>
        Types().That().Are(In("Domain")).Should().NotDependOnAny(AnythingBut("Domain")).Check(Compiled);

    [Fact]
    public void The_domain_is_plain_csharp_with_no_framework()
    {
        string[] frameworks = ["Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "MudBlazor"];
        var uses = Compiled.Types
            .Where(t => t.Namespace.FullName == $"{App}.Domain")
            .SelectMany(t => t.Dependencies.Select(d => (From: t.FullName, To: d.Target.FullName)))
            .Where(d => frameworks.Any(f => d.To.StartsWith(f + ".", StringComparison.Ordinal)))
            .Distinct()
            .ToList();

        Assert.True(uses.Count == 0, string.Join(Environment.NewLine, uses.Select(u => $"{u.From} uses {u.To}")));
    }

    [Fact]
    public void Data_depends_only_on_the_domain() =>
        Types().That().Are(In("Data")).Should().NotDependOnAny(AnythingBut("Data", "Domain")).Check(Compiled);

    [Fact]
    public void The_shared_api_pieces_depend_only_on_the_domain() =>
        Types().That().Are(In("Api")).Should().NotDependOnAny(AnythingBut("Api", "Domain")).Check(Compiled);

    [Fact]
    public void The_history_depends_on_no_feature_and_no_ui() =>
        Types().That().Are(In("Features.History")).Should().NotDependOnAny(AnythingBut("Features.History", "Data", "Domain")).Check(Compiled);

    [Fact]
    public void The_read_model_depends_only_on_the_history_and_no_ui() =>
        Types().That().Are(In("Features.Positions")).Should()
            .NotDependOnAny(AnythingBut("Features.Positions", "Features.History", "Data", "Domain", "Api"))
            .Check(Compiled);

    [Fact]
    public void Shared_components_use_only_the_domain_the_history_and_the_read_model() =>
        Types().That().ResideInNamespace($"{App}.Components").Should()
            .NotDependOnAny(AnythingBut("Components", "Domain", "Features.History", "Features.Positions"))
            .AndShould().NotDependOnAny(In("Components.Shell"))
            .Check(Compiled);

    /// <summary>
    /// Rule 7: the reading pages that only show what others hold are leaves. Nothing uses them; what
    /// two pages share lives in <c>Components</c> or <c>Positions</c> (e.g. the matrix and its query).
    /// </summary>
    public static IArchRule NothingDependsOn(string root, params string[] leafFeatures) =>
        Types().That().ResideInNamespaceOrBelow(root)
            .And().DoNotResideInNamespaceMatching($@"^{Escape(root)}\.Features\.({string.Join("|", leafFeatures)})(\..*)?$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^{Escape(root)}\.Features\.({string.Join("|", leafFeatures)})(\..*)?$"))
            .Because("a page feature is a leaf");

    public static readonly string[] LeafFeatures = ["Dashboard", "Members", "Audit"];

    [Fact]
    public void No_feature_reaches_into_the_reading_pages() => NothingDependsOn(App, LeafFeatures).Check(Compiled);

    [Fact]
    public void The_leaf_rule_fails_on_a_feature_that_another_uses()
    {
        var fixture = new ArchLoader().LoadAssemblies(typeof(CycleFixture.Features.Alpha.UsesBeta).Assembly).Build();

        var failure = Assert.Throws<FailedArchRuleException>(() => NothingDependsOn("AllianceTracker.Tests.Architecture.CycleFixture", "Beta").Check(fixture));

        Assert.Contains("UsesBeta", failure.Message);
    }

    /// <summary>
    /// Rule 8: the HTTP contracts (request bodies, response DTOs; the glossary in
    /// docs/architecture.md) have one home, <c>Api.Contracts</c>, where generators' users and
    /// reviewers find them; being in <c>Api</c>, they depend only on the domain.
    /// </summary>
    [Fact]
    public void Http_contracts_live_in_one_home()
    {
        var elsewhere = Compiled.Types
            .Where(t => t.FullName.StartsWith(App + ".", StringComparison.Ordinal) && t.Visibility == ArchUnitNET.Domain.Visibility.Public)
            .Where(t => t.Name.EndsWith("Dto", StringComparison.Ordinal) || t.Name.EndsWith("Body", StringComparison.Ordinal))
            .Where(t => t.Namespace.FullName != $"{App}.Api.Contracts")
            .Select(t => t.FullName)
            .ToList();

        Assert.True(elsewhere.Count == 0, "Contracts outside Api.Contracts: " + string.Join(", ", elsewhere));
        Assert.Contains(Compiled.Types, t => t.FullName == $"{App}.Api.Contracts.ConsensusDto");
    }

    [Fact]
    public void Only_the_entry_point_and_the_shell_depend_on_hosting_and_nothing_but_hosting_on_the_shell()
    {
        Types().That().Are(AnythingBut("Hosting", "Components.Shell")).And().DoNotHaveFullName("Program")
            .Should().NotDependOnAny(In("Hosting")).Check(Compiled);
        Types().That().Are(AnythingBut("Hosting", "Components.Shell"))
            .Should().NotDependOnAny(In("Components.Shell")).Check(Compiled);
    }

    /// <summary>
    /// Where a DbContext may be saved: the history's ledger (every write to the history, ADR 0009;
    /// its write kinds only add rows), and by name the few writers of what is not the history — the
    /// context's own override, the snapshots (frozen documents), the database copy; accounts save
    /// through Identity's stores.
    /// </summary>
    public static IReadOnlyList<string> SavesOutsideTheLedger(ArchUnitNET.Domain.Architecture architecture, string root, params string[] allowedTypes) =>
        architecture.Types
            .Where(t => t.FullName.StartsWith(root + ".", StringComparison.Ordinal))
            .SelectMany(t => t.Dependencies.OfType<ArchUnitNET.Domain.Dependencies.MethodCallDependency>().Select(d => (Type: t, Call: d)))
            .Where(c => c.Call.TargetMember.Name.StartsWith("SaveChanges", StringComparison.Ordinal)
                && c.Call.Target.FullName is "Microsoft.EntityFrameworkCore.DbContext" or $"{App}.Data.AllianceDbContext")
            .Select(c => c.Type.FullName)
            .Where(type => !allowedTypes.Append($"{root}.Features.History.HistoryLedger").Any(allowed => type == allowed || type.StartsWith(allowed + "+", StringComparison.Ordinal) || type.StartsWith(allowed + "/", StringComparison.Ordinal)))
            .Distinct()
            .ToList();

    [Fact]
    public void Only_the_ledger_saves_the_history()
    {
        var elsewhere = SavesOutsideTheLedger(Compiled, App, $"{App}.Data.AllianceDbContext", $"{App}.Features.Snapshots.SnapshotService", $"{App}.Data.PostgreSql.DatabaseCopy");

        Assert.True(elsewhere.Count == 0, "SaveChanges outside the ledger: " + string.Join(", ", elsewhere));
    }

    [Fact]
    public void The_ledger_rule_fails_on_a_save_outside_the_ledger()
    {
        var fixture = new ArchLoader().LoadAssemblies(typeof(SaveFixture.Features.Elsewhere.SavesOnItsOwn).Assembly).Build();

        var elsewhere = SavesOutsideTheLedger(fixture, "AllianceTracker.Tests.Architecture.SaveFixture");

        Assert.Contains(elsewhere, type => type.Contains("SavesOnItsOwn", StringComparison.Ordinal));
        Assert.DoesNotContain(elsewhere, type => type.Contains("HistoryLedger", StringComparison.Ordinal));
    }
}
