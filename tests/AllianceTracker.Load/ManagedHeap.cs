using System.Globalization;
using System.Text.RegularExpressions;

namespace AllianceTracker.Load;

/// <summary>
/// The app's managed heap after a forced full GC, as dotnet-gcdump (a local dotnet tool of this
/// repository) reports it: collecting a gcdump triggers the full collection, so what is left is live.
/// </summary>
/// <param name="processId">The app's process.</param>
/// <param name="workFolder">Where the dumps go while they are read.</param>
/// <param name="reportsFolder">Where to keep each dump's report (objects by type), to compare two; none kept when null.</param>
public sealed partial class ManagedHeap(int processId, string workFolder, string? reportsFolder)
{
    /// <param name="label">Names the report kept in the reports folder.</param>
    public async Task<long> MeasureAsync(string label)
    {
        var dump = Path.Combine(workFolder, $"{label}.gcdump");
        // "dotnet dotnet-gcdump", run from the repository, where .config/dotnet-tools.json names the tool.
        await Tool.RunAsync("dotnet", "dotnet-gcdump", "collect", "--process-id", processId.ToString(CultureInfo.InvariantCulture), "--output", dump);
        var report = await Tool.RunAsync("dotnet", "dotnet-gcdump", "report", dump);
        File.Delete(dump);
        if (reportsFolder is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(reportsFolder, $"{label}.txt"), report);
        }

        var total = HeapBytes().Match(report);
        return total.Success
            ? long.Parse(total.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("dotnet-gcdump report named no heap size:\n" + report);
    }

    [GeneratedRegex(@"([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapBytes();
}
