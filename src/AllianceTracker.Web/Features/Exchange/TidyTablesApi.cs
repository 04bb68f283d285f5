using AllianceTracker.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>The tidy tables as CSV files and the data package that describes them.</summary>
public static class TidyTablesApi
{
    public static IEndpointRouteBuilder MapTidyTablesApi(this IEndpointRouteBuilder endpoints)
    {
        var exports = endpoints.MapGroup("/api/v1/exports").WithTags("Snapshots and exports").WithMetadata(CacheableReadAttribute.Instance);
        foreach (var table in TidyTables.All)
        {
            exports.MapGet($"/{table.FileName}", (string? bom, string? formulaGuard, TidyTableReader reader, CancellationToken ct) => TableAsync(table, bom, formulaGuard, reader, ct))
                .WithName($"Export{char.ToUpperInvariant(table.Name[0])}{table.Name[1..]}Table")
                .WithSummary($"{table.Title} as a tidy CSV table: {table.Description}")
                .WithMetadata(new FileResponse($"alliance-{table.FileName}; the columns are described in datapackage.json.", "text/csv"));
        }

        exports.MapGet("/datapackage.json", (HttpContext context, PublicAddress address, IConfiguration configuration) =>
            {
                var site = address.BaseUrl(context);
                return TypedResults.Bytes(DataPackage.Descriptor(site, table => $"{site}/api/v1/exports/{table.FileName}?bom=false&formulaGuard=false", License(configuration)), "application/json");
            })
            .WithName("ExportDataPackage")
            .WithSummary("The Frictionless Tabular Data Package describing every tidy table: fields, types, codes, primary and foreign keys");
        exports.MapGet("/datapackage.zip", async (HttpContext context, PublicAddress address, TidyTableReader reader, IConfiguration configuration, CancellationToken ct) =>
            {
                var rows = await reader.ReadAllAsync(ct);
                var tables = TidyTables.All.ToDictionary(table => table, table => TidyCsv.Write(table, rows[table], formulaGuard: false));
                return TypedResults.File(DataPackage.Zip(address.BaseUrl(context), tables, License(configuration)), "application/zip", "alliance-tracker-datapackage.zip");
            })
            .WithName("ExportDataPackageZip")
            .WithSummary("Every tidy table and datapackage.json in one zip, byte-stable for the same data")
            .WithMetadata(new FileResponse("alliance-tracker-datapackage.zip: datapackage.json and one CSV per table (no byte order mark, no formula guard).", "application/zip"));
        return endpoints;
    }

    private static DataLicense? License(IConfiguration configuration) => configuration.GetSection(DataLicense.Section).Get<DataLicense>();

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> TableAsync(
        TidyTable table, string? bom, string? formulaGuard, TidyTableReader reader, CancellationToken cancellationToken)
    {
        if (!ExportsApi.TryReadByteOrderMark(bom, out var withBom, out var bomProblem))
        {
            return bomProblem;
        }

        if (!ExportsApi.TryReadFormulaGuard(formulaGuard, out var guard, out var guardProblem))
        {
            return guardProblem;
        }

        var csv = TidyCsv.Write(table, await reader.ReadAsync(table, cancellationToken), guard);
        var content = withBom ? ExportFormats.WithByteOrderMark(csv) : System.Text.Encoding.UTF8.GetBytes(csv);
        return TypedResults.File(content, "text/csv; charset=utf-8", $"alliance-{table.FileName}");
    }
}
