using System.Text.Json.Nodes;
using AllianceTracker.Tests.Shared;
using AllianceTracker.Tests.Support;
using AllianceTracker.Web.Domain;

namespace AllianceTracker.Tests.Hosting;

/// <summary>
/// The OpenAPI document declares what operations repeat once, under components, so client
/// generators (Kiota, NSwag; the interop suite runs both) make one type of each: shared problem
/// responses, the script header, the stance counts, names for hyphenated codes, typed JSON files.
/// Reads only, so the tests share one app.
/// </summary>
public sealed class OpenApiComponentsTests(AllianceAppFactory app) : IClassFixture<AllianceAppFactory>
{
    private const string ProblemMediaType = "application/problem+json";

    private async Task<JsonNode> DocumentAsync() => JsonNode.Parse(await app.Anonymous().GetStringAsync("/openapi/v1.json"))!;

    private static IEnumerable<(string Where, JsonObject Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(method => ($"{method.Key} {path.Key}", method.Value!.AsObject())));

    [Fact]
    public async Task Every_problem_response_is_a_shared_response_over_one_of_two_problem_schemas()
    {
        var document = await DocumentAsync();
        var shared = document["components"]!["responses"]!.AsObject();
        var problems = 0;

        foreach (var (where, operation) in Operations(document))
        {
            foreach (var (status, response) in operation["responses"]!.AsObject())
            {
                Assert.False(response!["content"]?[ProblemMediaType] is not null, $"{where} {status} declares its problem inline");
                if ((string?)response["$ref"] is { } reference)
                {
                    Assert.StartsWith("#/components/responses/", reference);
                    Assert.True(shared.ContainsKey(reference.Split('/')[^1]), $"{where} {status}: {reference} is not declared");
                    problems++;
                }
            }
        }

        Assert.True(problems > 50, $"{problems} problem responses");
        var schemas = shared.Select(r => (string?)r.Value!["content"]![ProblemMediaType]!["schema"]!["$ref"]).Distinct().Order();
        Assert.Equal(["#/components/schemas/HttpValidationProblemDetails", "#/components/schemas/ProblemDetails"], schemas);
        Assert.Equal("#/components/schemas/HttpValidationProblemDetails", (string?)shared["BadRequest"]!["content"]![ProblemMediaType]!["schema"]!["$ref"]);
        // A validation problem is a problem with errors: one base type for a client to catch.
        var validation = document["components"]!["schemas"]!["HttpValidationProblemDetails"]!;
        Assert.Equal("#/components/schemas/ProblemDetails", (string?)validation["allOf"]![0]!["$ref"]);
        Assert.NotNull(validation["properties"]!["errors"]);
        // An operation that says more than the shared wording keeps it on the reference.
        var positions = document["paths"]!["/api/v1/positions"]!["get"]!["responses"]!["401"]!;
        Assert.Equal("#/components/responses/Unauthorized", (string?)positions["$ref"]);
        Assert.Contains("RequireSignInToRead", (string?)positions["description"]);
    }

    [Fact]
    public async Task The_script_header_is_one_shared_parameter_referenced_by_every_write()
    {
        var document = await DocumentAsync();

        var header = document["components"]!["parameters"]!["XRequestedWith"]!;
        Assert.Equal("X-Requested-With", (string?)header["name"]);
        Assert.Equal(["XMLHttpRequest"], header["schema"]!["enum"]!.AsArray().Select(v => (string?)v));
        var writes = Operations(document).Where(o => o.Where.Split(' ')[0] is "post" or "put" or "patch" or "delete").ToList();
        Assert.NotEmpty(writes);
        Assert.All(writes, write => Assert.Single(write.Operation["parameters"]!.AsArray(), p => (string?)p!["$ref"] == "#/components/parameters/XRequestedWith"));
    }

    [Fact]
    public async Task Consensus_counts_are_an_integer_per_stance_code()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!;

        var counts = schemas["StanceCounts"]!;
        var codes = StanceVocabulary.All.Select(d => d.Code).ToList();
        Assert.Equal(codes.Order(), counts["properties"]!.AsObject().Select(p => p.Key).Order());
        Assert.All(counts["properties"]!.AsObject(), p => Assert.Equal("integer", (string?)p.Value!["type"]));
        Assert.Equal(codes.Order(), counts["required"]!.AsArray().Select(c => (string)c!).Order());
        Assert.False((bool)counts["additionalProperties"]!);
        Assert.Equal("#/components/schemas/StanceCounts", (string?)schemas["ConsensusDto"]!["properties"]!["counts"]!["$ref"]);
        Assert.Equal("#/components/schemas/StanceCounts", (string?)schemas["ExportConsensus"]!["properties"]!["counts"]!["$ref"]);
        // The wire format is unchanged: the same object, keyed by code.
        var consensus = JsonNode.Parse(await app.Anonymous().GetStringAsync("/api/v1/consensus"))!.AsArray();
        Assert.All(consensus, c => Assert.Equal(codes.Order(), c!["counts"]!.AsObject().Select(p => p.Key).Order()));
    }

    [Fact]
    public async Task Hyphenated_codes_have_pascal_case_names_for_generators()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!;

        static string[] Names(JsonNode schema) => [.. schema["x-enum-varnames"]!.AsArray().Select(n => (string)n!)];
        Assert.Equal(["Supports", "Conditional", "Undecided", "Unknown", "OptsOut", "Opposes"], Names(schemas["PositionDto"]!["properties"]!["stance"]!));
        Assert.Contains("NewsReport", Names(schemas["SourceDto"]!["properties"]!["kind"]!));
        Assert.Contains("AdoptedAmended", Names(schemas["DecisionBody"]!["properties"]!["outcome"]!));
        Assert.Contains("NewsAssist", Names(schemas["StanceEntryDto"]!["properties"]!["origin"]!));
        var stanceParameter = document["paths"]!["/api/v1/positions"]!["get"]!["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "stance")!;
        Assert.Contains("OptsOut", Names(stanceParameter["schema"]!));
        // A nullable enum names its codes, not its null.
        var nullable = schemas["CellDto"]!["properties"]!["stance"]!;
        Assert.Equal(nullable["enum"]!.AsArray().Count(v => v is not null), Names(nullable).Length);
    }

    [Fact]
    public async Task Json_exports_have_their_schema_and_other_files_stay_binary()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!;

        foreach (var (path, schema) in new[]
        {
            ("/api/v1/exports/current.{format}", "ExportDocument"),
            ("/api/v1/snapshots/{id}/export.{format}", "ExportDocument"),
            ("/api/v1/diff.{format}", "PictureDiff"),
        })
        {
            var content = paths[path]!["get"]!["responses"]!["200"]!["content"]!;
            Assert.Equal($"#/components/schemas/{schema}", (string?)content["application/json"]!["schema"]!["$ref"]);
            Assert.Equal("binary", (string?)content["text/csv"]!["schema"]!["format"]);
            Assert.NotNull(document["components"]!["schemas"]![schema]);
        }

        // The export's own "format" is its name, not the format parameter's list.
        Assert.Null(document["components"]!["schemas"]!["ExportDocument"]!["properties"]!["format"]!["enum"]);
    }

    [Fact]
    public async Task A_diff_names_its_sides_as_one_shared_type_with_their_kinds()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;

        Assert.Equal("#/components/schemas/DiffSide", (string?)schemas["PictureDiff"]!["properties"]!["from"]!["$ref"]);
        Assert.Equal("#/components/schemas/DiffSide", (string?)schemas["PictureDiff"]!["properties"]!["to"]!["$ref"]);
        // A side's kind is not a source's kind; a changed cell's "to" is a stance, like its "from".
        Assert.Equal(["date", "now", "snapshot"], schemas["DiffSide"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("date", (string?)schemas["DiffSide"]!["properties"]!["asOf"]!["format"]);
        Assert.Contains("opts-out", schemas["CellChange"]!["properties"]!["to"]!["enum"]!.AsArray().Select(n => (string?)n));
        Assert.Equal("date", (string?)schemas["CellChange"]!["properties"]!["effectiveDate"]!["format"]);
    }

    [Fact]
    public async Task A_snapshot_documents_its_permalink_and_when_its_hash_is_checked()
    {
        var document = await DocumentAsync();
        var snapshot = document["components"]!["schemas"]!["SnapshotDto"]!["properties"]!;

        Assert.Contains("null in the list", (string?)snapshot["hashVerifies"]!["description"]);
        Assert.Contains("absolute URL", (string?)snapshot["permalink"]!["description"]);
    }
}
