using CsvHelper;

namespace AllianceTracker.Tests.Support;

/// <summary>A downloaded CSV as its rows of fields, header first (a leading byte order mark dropped).</summary>
public static class CsvText
{
    public static List<string[]> Rows(string text)
    {
        using var csv = CsvReader.Create(new StringReader(text.TrimStart('\uFEFF')), new CsvReaderOptions { HasHeader = false }, leaveOpen: false);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        }

        return rows;
    }
}
