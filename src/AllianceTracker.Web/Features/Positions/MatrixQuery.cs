using System.Globalization;
using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Features.Positions;

/// <summary>
/// The dashboard's view state: filters and sort. It lives entirely in the URL query, so a copied
/// link opens the same view. Null means "no filter".
/// </summary>
public sealed record MatrixQuery(
    string? Region = null,
    bool? Eu = null,
    bool? B9 = null,
    Stance? Stance = null,
    string? On = null,
    string? Text = null,
    MatrixSort Sort = MatrixSort.Name)
{
    // Who stands in the way comes first when sorting by stance, then who is still open.
    private static readonly Dictionary<Stance, int> StanceRank = new()
    {
        [Domain.Stance.Opposes] = 0,
        [Domain.Stance.Undecided] = 1,
        [Domain.Stance.Conditional] = 2,
        [Domain.Stance.OptsOut] = 3,
        [Domain.Stance.Supports] = 4,
        [Domain.Stance.Unknown] = 5,
    };

    public bool IsFiltered => Region is not null || Eu is not null || B9 is not null || Stance is not null || !string.IsNullOrWhiteSpace(Text);

    /// <summary>The proposal the stance filter and stance sort look at: <see cref="On"/> when it exists, else the first.</summary>
    public string? ProposalFor(AlliancePicture picture) =>
        picture.Proposals.Any(p => p.Slug == On) ? On : picture.Proposals.Count > 0 ? picture.Proposals[0].Slug : null;

    public IReadOnlyList<MemberSummary> Apply(AlliancePicture picture)
    {
        var proposal = ProposalFor(picture);
        IEnumerable<MemberSummary> members = picture.Members;
        if (Region is not null)
        {
            members = members.Where(m => m.Subregion == Region);
        }

        if (Eu is { } eu)
        {
            members = members.Where(m => m.IsEuMember == eu);
        }

        if (B9 is { } b9)
        {
            members = members.Where(m => m.IsBucharestNine == b9);
        }

        if (Stance is { } stance && proposal is not null)
        {
            members = members.Where(m => picture.PositionOf(m.Alpha3, proposal).Stance == stance);
        }

        if (!string.IsNullOrWhiteSpace(Text))
        {
            var text = Text.Trim();
            members = members.Where(m =>
                CultureInfo.InvariantCulture.CompareInfo.IndexOf(m.Name, text, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) >= 0
                || m.Alpha3.Equals(text, StringComparison.OrdinalIgnoreCase)
                || m.Alpha2.Equals(text, StringComparison.OrdinalIgnoreCase)
                || MemberAlternativeNames.Of(m.Alpha3).Any(name => MatchesAlternative(name, text)));
        }

        // Ties keep the picture's alphabetical order: OrderBy is stable.
        return (Sort switch
        {
            MatrixSort.Joined => members.OrderBy(m => m.AccessionYear),
            MatrixSort.Stance when proposal is not null => members.OrderBy(m => StanceRank[picture.PositionOf(m.Alpha3, proposal).Stance]),
            _ => members,
        }).ToList();
    }

    /// <summary>The query parameters for this view; defaults are left out so links stay short.</summary>
    public IReadOnlyDictionary<string, object?> ToQueryParameters() => new Dictionary<string, object?>
    {
        ["region"] = Region,
        ["eu"] = YesNo(Eu),
        ["b9"] = YesNo(B9),
        ["stance"] = Stance?.ToCode(),
        ["on"] = On,
        ["q"] = string.IsNullOrWhiteSpace(Text) ? null : Text.Trim(),
        ["sort"] = Sort == MatrixSort.Name ? null : Sort.ToString().ToLowerInvariant(),
    };

    /// <summary>"the U.S." or "u.s." finds the United States; the start of a name ("Brit") finds it too, from three letters.</summary>
    private static bool MatchesAlternative(string name, string text)
    {
        var query = text.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? text[4..].Trim() : text;
        return name.Equals(query, StringComparison.OrdinalIgnoreCase)
            || (query.Length >= 3 && name.StartsWith(query, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reads the URL's values; anything unreadable is treated as "no filter" rather than an error page.</summary>
    public static MatrixQuery Parse(string? region, string? eu, string? b9, string? stance, string? on, string? text, string? sort) => new(
        string.IsNullOrWhiteSpace(region) ? null : region,
        ParseYesNo(eu),
        ParseYesNo(b9),
        StanceVocabulary.TryParse(stance, out var parsed) ? parsed : null,
        string.IsNullOrWhiteSpace(on) ? null : on,
        string.IsNullOrWhiteSpace(text) ? null : text,
        Enum.TryParse<MatrixSort>(sort, ignoreCase: true, out var parsedSort) && Enum.IsDefined(parsedSort) && !char.IsDigit(sort![0]) ? parsedSort : MatrixSort.Name);

    /// <summary>
    /// For API clients, which must hear about a typo rather than get everything back: each value
    /// that is not one the view knows, with the accepted values named. Empty values mean "no filter".
    /// </summary>
    public static Dictionary<string, string[]> Problems(
        string? region, string? eu, string? b9, string? stance, string? on, string? sort, AlliancePicture picture)
    {
        var problems = new Dictionary<string, string[]>();
        var regions = picture.Members.Select(m => m.Subregion).Distinct().Order(StringComparer.Ordinal).ToList();
        if (!string.IsNullOrWhiteSpace(region) && !regions.Contains(region))
        {
            problems["region"] = [$"'{region}' is not a region; use one of {string.Join(", ", regions)}."];
        }

        foreach (var (name, value) in new[] { ("eu", eu), ("b9", b9) })
        {
            if (!string.IsNullOrEmpty(value) && ParseYesNo(value) is null)
            {
                problems[name] = [$"'{value}' is not yes or no."];
            }
        }

        if (!string.IsNullOrEmpty(stance) && !StanceVocabulary.TryParse(stance, out _))
        {
            problems["stance"] = [$"'{stance}' is not a stance; use one of {string.Join(", ", StanceVocabulary.All.Select(d => d.Code))}."];
        }

        if (!string.IsNullOrEmpty(on) && picture.Proposals.All(p => p.Slug != on))
        {
            problems["on"] = [$"There is no proposal with the slug '{on}'; use one of {string.Join(", ", picture.Proposals.Select(p => p.Slug))}."];
        }

        if (!string.IsNullOrEmpty(sort) && !SortCodes.Contains(sort))
        {
            problems["sort"] = [$"'{sort}' is not a sort; use one of {string.Join(", ", SortCodes)}."];
        }

        return problems;
    }

    /// <summary>The sort codes the URL takes.</summary>
    public static IReadOnlyList<string> SortCodes { get; } = [.. Enum.GetNames<MatrixSort>().Select(n => n.ToLowerInvariant())];

    internal static string? YesNo(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => null,
    };

    internal static bool? ParseYesNo(string? value) => value switch
    {
        "yes" => true,
        "no" => false,
        _ => null,
    };
}
