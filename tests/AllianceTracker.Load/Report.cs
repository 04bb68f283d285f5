namespace AllianceTracker.Load;

/// <summary>The figures, printed at the end as a Markdown table that docs/performance.md quotes.</summary>
internal sealed class Report
{
    private readonly List<(string What, string Measured, string Budget, string Verdict)> _rows = [];

    public void Line(string what, string measured)
    {
        _rows.Add((what, measured, "", ""));
        Console.WriteLine($"  {what}: {measured}");
    }

    public void Budget(string what, string measured, string budget, bool met)
    {
        _rows.Add((what, measured, budget, met ? "met" : "**missed**"));
        Console.WriteLine($"  {what}: {measured} (budget {budget}: {(met ? "met" : "MISSED")})");
    }

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine("| Measure | Measured | Budget | |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (what, measured, budget, verdict) in _rows)
        {
            Console.WriteLine($"| {what} | {measured} | {budget} | {verdict} |");
        }
    }
}
