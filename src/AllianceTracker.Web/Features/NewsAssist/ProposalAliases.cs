using System.Text.Json;

namespace AllianceTracker.Web.Features.NewsAssist;

/// <summary>
/// How news texts name the proposals, besides their titles: <c>seeds/proposal-aliases.json</c>,
/// read once. (Issue 13 asks for aliases editors keep on the proposal page; until that exists,
/// this file is where they are added — docs/news-assist.md.)
/// </summary>
public sealed class ProposalAliases
{
    private readonly Dictionary<string, string[]> _bySlug;

    public ProposalAliases(string file)
    {
        _bySlug = [];
        if (!File.Exists(file))
        {
            return;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(file));
        foreach (var proposal in document.RootElement.GetProperty("aliases").EnumerateObject())
        {
            _bySlug[proposal.Name] = [.. proposal.Value.EnumerateArray().Select(a => a.GetString()!).Where(a => !string.IsNullOrWhiteSpace(a))];
        }
    }

    public IReadOnlyList<string> For(string slug) => _bySlug.GetValueOrDefault(slug) ?? [];
}
