namespace AllianceTracker.Web.Domain;

/// <summary>
/// A fixed two-way mapping between an enum and the codes the public formats publish for it
/// ("opts-out", "blocked", "news-report"). Parsing is exact: the published code, nothing looser.
/// </summary>
public sealed class CodeMap<T>
    where T : struct, Enum
{
    private readonly Dictionary<T, string> _codes;
    private readonly Dictionary<string, T> _values;

    public CodeMap(params (T Value, string Code)[] pairs)
    {
        _codes = pairs.ToDictionary(p => p.Value, p => p.Code);
        _values = pairs.ToDictionary(p => p.Code, p => p.Value, StringComparer.Ordinal);
        Codes = [.. pairs.Select(p => p.Code)];
        CodeList = string.Join(", ", Codes);
        var unmapped = Enum.GetValues<T>().Where(v => !_codes.ContainsKey(v)).ToList();
        if (unmapped.Count > 0)
        {
            throw new ArgumentException($"{typeof(T).Name} has no code for {string.Join(", ", unmapped)}.", nameof(pairs));
        }
    }

    /// <summary>Every code, in the order the formats list them.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>The codes joined for messages: "pending, adopted, dropped".</summary>
    public string CodeList { get; }

    public string ToCode(T value) => _codes[value];

    public bool TryParse(string? code, out T value) => _values.TryGetValue(code ?? "", out value);
}
