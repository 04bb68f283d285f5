using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AllianceTracker.Web.Features.Exchange;

/// <summary>
/// The tidy tables as a Frictionless Tabular Data Package (specs.frictionlessdata.io): a
/// <c>datapackage.json</c> that names every CSV with its fields, types, codes, primary and foreign
/// keys, so pandas, R (frictionless), OpenRefine or a validator read them typed and joined.
/// </summary>
public static class DataPackage
{
    /// <summary>
    /// The descriptor. <paramref name="pathOf"/> gives each table's path: an absolute URL of its CSV
    /// (served descriptor) or its file name (inside the zip).
    /// </summary>
    public static byte[] Descriptor(string homepage, Func<TidyTable, string> pathOf, DataLicense? license = null)
    {
        var descriptor = new JsonObject
        {
            ["profile"] = "tabular-data-package",
            ["name"] = "alliance-tracker",
            ["title"] = "AllianceTracker: where NATO's allies stand on summit proposals",
            ["description"] = "The stance history of NATO's members on the proposals before a summit, with the verbatim evidence and sources of every entry, and the summits' decisions. " +
                "Every table holds codes and names; the history is append-only (retracted entries are kept and marked)." +
                (license is { IsSet: true } ? "" : " No licence has been chosen for the data yet."),
            ["homepage"] = homepage,
            ["resources"] = new JsonArray([.. TidyTables.All.Select(table => (JsonNode)Resource(table, pathOf(table)))]),
        };
        if (license is { IsSet: true })
        {
            var declared = new JsonObject();
            foreach (var (key, value) in new[] { ("name", license.Name), ("path", license.Path), ("title", license.Title) })
            {
                if (!string.IsNullOrWhiteSpace(value))
                {
                    declared[key] = value;
                }
            }

            descriptor["licenses"] = new JsonArray(declared);
        }

        return Encoding.UTF8.GetBytes(descriptor.ToJsonString(Indented));
    }

    /// <summary>
    /// A zip of the descriptor (relative paths) and every table's CSV, written with fixed times so
    /// the same data gives the same bytes (and ETag).
    /// </summary>
    public static byte[] Zip(string homepage, IReadOnlyDictionary<TidyTable, string> csvByTable, DataLicense? license = null)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "datapackage.json", Descriptor(homepage, table => table.FileName, license));
            foreach (var table in TidyTables.All)
            {
                Add(zip, table.FileName, Encoding.UTF8.GetBytes(csvByTable[table]));
            }
        }

        return output.ToArray();
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = XlsxWorkbook.PartsWrittenOn;
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static JsonObject Resource(TidyTable table, string path)
    {
        var schema = new JsonObject
        {
            ["fields"] = new JsonArray([.. table.Fields.Select(field => (JsonNode)Field(field))]),
            ["primaryKey"] = new JsonArray([.. table.PrimaryKey.Select(key => (JsonNode)JsonValue.Create(key)!)]),
            // An empty cell is a missing value; every other text is a value, "NA" included.
            ["missingValues"] = new JsonArray(""),
        };
        if (table.ForeignKeys.Count > 0)
        {
            schema["foreignKeys"] = new JsonArray([.. table.ForeignKeys.Select(key => (JsonNode)new JsonObject
            {
                ["fields"] = key.Field,
                ["reference"] = new JsonObject { ["resource"] = key.Resource, ["fields"] = key.ReferenceField },
            })]);
        }

        return new JsonObject
        {
            ["name"] = table.Name,
            ["title"] = table.Title,
            ["description"] = table.Description,
            ["profile"] = "tabular-data-resource",
            ["path"] = path,
            ["format"] = "csv",
            ["mediatype"] = "text/csv",
            ["encoding"] = "utf-8",
            ["schema"] = schema,
        };
    }

    private static JsonObject Field(TableField field)
    {
        var json = new JsonObject { ["name"] = field.Name, ["type"] = field.Type, ["description"] = field.Description };
        if (field.Type == "boolean")
        {
            json["trueValues"] = new JsonArray("true");
            json["falseValues"] = new JsonArray("false");
        }

        var constraints = new JsonObject();
        if (field.Required)
        {
            constraints["required"] = true;
        }

        if (field.Enum is { } codes)
        {
            constraints["enum"] = new JsonArray([.. codes.Select(code => (JsonNode)JsonValue.Create(code)!)]);
        }

        if (constraints.Count > 0)
        {
            json["constraints"] = constraints;
        }

        return json;
    }
}
