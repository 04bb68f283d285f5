using System.Globalization;
using AllianceTracker.Web.Domain;

namespace AllianceTracker.Web.Api;

/// <summary>
/// Paging through a history by cursor: entries in the order they were made (their ids), <c>after</c>
/// the last id a client has, at most <c>limit</c> at a time. A cursor stays right while entries are
/// added (new ones come after it), unlike an offset.
/// </summary>
public sealed record HistoryPage(long After, int Limit)
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 1000;

    /// <summary>Reads <c>after</c> and <c>limit</c>; a problem goes into <paramref name="errors"/> under the parameter's name.</summary>
    public static HistoryPage Read(string? after, string? limit, Dictionary<string, string[]> errors)
    {
        long afterId = 0;
        if (after is not null && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out afterId)))
        {
            errors["after"] = [$"'{after}' is not an entry id; pass the id of the last entry you have, or nothing to start."];
        }

        var take = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"'{limit}' is not a number of entries from 1 to {MaxLimit}."];
        }

        return new HistoryPage(afterId, take);
    }

    /// <summary>Reads an optional ISO date parameter into <paramref name="errors"/>.</summary>
    public static DateOnly? Date(string? value, string parameter, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (IsoDate.TryParse(value, out var date))
        {
            return date;
        }

        errors[parameter] = [IsoDate.NotADate(value)];
        return null;
    }

    /// <summary>The entries after the cursor, at most the limit, and whether more follow.</summary>
    public (IReadOnlyList<T> Entries, bool More) Take<T>(IEnumerable<T> entriesById, Func<T, long> id)
    {
        var page = entriesById.Where(e => id(e) > After).Take(Limit + 1).ToList();
        return page.Count > Limit ? (page[..Limit], true) : (page, false);
    }

    /// <summary>The same request's address with <c>after</c> moved to <paramref name="lastId"/>: the next page.</summary>
    public static string NextLink(HttpRequest request, long lastId)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => p.Key != "after")
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new("after", lastId.ToString(CultureInfo.InvariantCulture)));
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }
}
