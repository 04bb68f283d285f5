using System.Text.Json;
using AllianceTracker.Web.Domain;
using AllianceTracker.Web.Features.NewsAssist;
using Xunit.Abstractions;

namespace AllianceTracker.Tests.Features.NewsAssist;

/// <summary>
/// The news assist's evaluation set (Evaluation/cases.json): short texts written for the project
/// and the seed article, each with the stances an editor would record. Precision and recall on
/// (member, proposal, stance) are printed and guarded by floors (docs/news-assist.md).
/// </summary>
public sealed class NewsEvaluationTests(ITestOutputHelper output)
{
    // Floors below the measured figures (docs/news-assist.md), so a change to the rules that
    // loses ground fails; raised when the reading gets better.
    private const double PrecisionFloor = 0.85;
    private const double RecallFloor = 0.80;

    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Features", "NewsAssist", "Evaluation");

    internal static IReadOnlyList<ProposalNames> SeededProposals()
    {
        using var aliases = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "proposal-aliases.json")));
        string[] AliasesOf(string slug) => [.. aliases.RootElement.GetProperty("aliases").GetProperty(slug).EnumerateArray().Select(a => a.GetString()!)];
        return
        [
            new("ukraine-fund", "€100bn five-year fund for Ukraine", AliasesOf("ukraine-fund")),
            new("ramstein-coordination", "NATO leads Ramstein coordination", AliasesOf("ramstein-coordination")),
            new("membership-invitation", "Membership invitation for Ukraine", AliasesOf("membership-invitation")),
        ];
    }

    private sealed record Case(string Name, string Text, HashSet<(string, string, string)> Expected, bool HeldOut);

    private static List<Case> Cases()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "cases.json")));
        return [.. document.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
            c.GetProperty("name").GetString()!,
            c.TryGetProperty("file", out var file) ? File.ReadAllText(Path.Combine(Folder, file.GetString()!)) : c.GetProperty("text").GetString()!,
            [.. c.GetProperty("expected").EnumerateArray().Select(e => (e[0].GetString()!, e[1].GetString()!, e[2].GetString()!))],
            c.TryGetProperty("heldOut", out var heldOut) && heldOut.GetBoolean()))];
    }

    [Fact]
    public void Precision_and_recall_on_the_evaluation_set_stay_above_their_floors()
    {
        var proposals = SeededProposals();
        var cases = Cases();
        int truePositives = 0, suggested = 0, expected = 0;
        int heldOutRight = 0, heldOutSuggested = 0, heldOutExpected = 0;
        foreach (var evaluation in cases)
        {
            var found = NewsReader.Read(evaluation.Text, proposals).Stances.Select(s => (s.Member, s.Proposal, s.Stance.ToCode())).ToHashSet();
            truePositives += found.Intersect(evaluation.Expected).Count();
            suggested += found.Count;
            expected += evaluation.Expected.Count;
            if (evaluation.HeldOut)
            {
                heldOutRight += found.Intersect(evaluation.Expected).Count();
                heldOutSuggested += found.Count;
                heldOutExpected += evaluation.Expected.Count;
            }
            foreach (var wrong in found.Except(evaluation.Expected))
            {
                output.WriteLine($"{evaluation.Name}: suggested {wrong}, not expected");
            }

            foreach (var missed in evaluation.Expected.Except(found))
            {
                output.WriteLine($"{evaluation.Name}: missed {missed}");
            }
        }

        var precision = suggested == 0 ? 0 : (double)truePositives / suggested;
        var recall = expected == 0 ? 0 : (double)truePositives / expected;
        output.WriteLine($"news assist evaluation: {cases.Count} texts, {expected} expected, {suggested} suggested, {truePositives} right: precision {precision:0.000}, recall {recall:0.000}");
        Console.WriteLine($"news assist evaluation: {cases.Count} texts, precision {precision:0.000}, recall {recall:0.000} (floors {PrecisionFloor}, {RecallFloor})");
        output.WriteLine($"of which held out ({cases.Count(c => c.HeldOut)} texts written after the rules): {heldOutExpected} expected, {heldOutSuggested} suggested, {heldOutRight} right");

        Assert.True(cases.Count >= 21, "at least 20 written texts and the seed article");
        Assert.True(precision >= PrecisionFloor, $"precision {precision:0.000} fell below {PrecisionFloor}");
        Assert.True(recall >= RecallFloor, $"recall {recall:0.000} fell below {RecallFloor}");
    }
}
