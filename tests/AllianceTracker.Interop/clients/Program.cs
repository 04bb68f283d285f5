// Reads the API through the C# clients Kiota (namespace Alliance.Kiota) and NSwag (Alliance.NSwag)
// generated from the live OpenAPI document, and prints what each saw as one JSON object for
// clients.test.mjs to check. A check that throws is reported as { "failed": "..." }, not fatal.
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using K = Alliance.Kiota;
using N = Alliance.NSwag;

var baseUrl = args[0].TrimEnd('/');
var result = new JsonObject();
using var http = new HttpClient();

var kiota = new K.AllianceClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseUrl });
await Check("kiotaReads", async () =>
{
    var positions = await kiota.Api.V1.Positions.GetAsync();
    var consensus = await kiota.Api.V1.Consensus.GetAsync();
    var members = await kiota.Api.V1.Members.GetAsync();
    var proposals = await kiota.Api.V1.Proposals.GetAsync();
    var fund = consensus!.Single(c => c.Proposal == "ukraine-fund");
    var counts = fund.Counts!;
    return new JsonObject
    {
        ["positions"] = positions!.Count,
        ["members"] = members!.Count,
        ["proposals"] = proposals!.Count,
        ["consensus"] = consensus.Count,
        ["stances"] = Names(positions.Select(p => p.Stance!.Value.ToString())),
        ["countsTotal"] = counts.Supports + counts.Conditional + counts.Undecided + counts.Unknown + counts.OptsOut + counts.Opposes,
        ["status"] = fund.Status?.ToString(),
    };
});

// Both refusals are caught as the one shared error type; a validation problem is its subtype with errors.
await Check("kiotaRefusedRead", async () =>
{
    try
    {
        await kiota.Api.V1.Positions.GetAsync(c => c.QueryParameters.AsOf = new Date(1900, 1, 1));
        return new JsonObject { ["raised"] = false };
    }
    catch (K.Models.ProblemDetails problem)
    {
        return Problem(problem);
    }
});
await Check("kiotaRefusedWrite", async () =>
{
    var body = new K.Models.StanceChangeBody
    {
        Member = "HUN",
        Proposal = "ukraine-fund",
        Stance = K.Models.StanceChangeBody_stance.OptsOut,
        EffectiveDate = new Date(2024, 6, 1),
        Reason = "Interop suite: refused, not signed in.",
        Evidence = [new K.Models.EvidenceBody { Source = "interop", Excerpt = "Interop excerpt." }],
    };
    try
    {
        await kiota.Api.V1.Stances.PostAsync(body, c => c.Headers.Add("X-Requested-With", "XMLHttpRequest"));
        return new JsonObject { ["raised"] = false };
    }
    catch (K.Models.ProblemDetails problem)
    {
        return Problem(problem);
    }
});

// A real save, as an editor: the session cookie run.sh's editor got by signing in (clients.test.mjs),
// and the header every write needs, on every request of this client.
await Check("kiotaWrite", async () =>
{
    using var editorHttp = new HttpClient();
    editorHttp.DefaultRequestHeaders.Add("Cookie", args[1]);
    editorHttp.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
    var editor = new K.AllianceClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: editorHttp) { BaseUrl = baseUrl });
    var cell = await editor.Api.V1.Stances.Cell.GetAsync(c =>
    {
        c.QueryParameters.Member = "EST";
        c.QueryParameters.Proposal = "ramstein-coordination";
    });
    var written = await editor.Api.V1.Stances.PostAsync(new K.Models.StanceChangeBody
    {
        Member = "EST",
        Proposal = "ramstein-coordination",
        Stance = K.Models.StanceChangeBody_stance.Supports,
        EffectiveDate = new Date(2024, 6, 1),
        Reason = "Interop suite: a save through the Kiota client.",
        Evidence = [new K.Models.EvidenceBody { Source = "icaro-2024-04-stoltenberg-ukraine-fund", Excerpt = "Interop suite excerpt." }],
        ExpectedVersion = cell!.Version,
    });
    // Read back anonymously, as any reader would.
    var entry = await kiota.Api.V1.Stances[written!.Id!.Value].GetAsync();
    return new JsonObject { ["id"] = written.Id, ["member"] = entry!.Member, ["stance"] = entry.Stance?.ToString(), ["recordedBy"] = entry.RecordedBy };
});

var nswag = new N.AllianceClient(http) { BaseUrl = baseUrl };
await Check("nswagReads", async () =>
{
    var positions = await nswag.GetPositionsAsync(null, null, null, null);
    // The enum goes out as its code too: "OptsOut" would be refused with a 400.
    var optingOut = await nswag.GetPositionsAsync(null, null, null, N.Stance.OptsOut);
    var consensus = await nswag.GetConsensusAsync(null);
    var sources = await nswag.ListSourcesAsync(null, null);
    // The seed has no "opts-out": a real position with that code, read with the generated type.
    var raw = JsonNode.Parse(await http.GetStringAsync($"{baseUrl}/api/v1/positions?member=HUN"))!.AsArray()[0]!;
    raw["stance"] = "opts-out";
    var hyphenated = JsonSerializer.Deserialize<N.PositionDto>(raw.ToJsonString())!;
    return new JsonObject
    {
        ["positions"] = positions.Count,
        ["stances"] = Names(positions.Select(p => p.Stance.ToString())),
        ["optingOut"] = optingOut.Count,
        ["countsTotal"] = consensus.Sum(c => c.Counts.Supports + c.Counts.Conditional + c.Counts.Undecided + c.Counts.Unknown + c.Counts.OptsOut + c.Counts.Opposes),
        ["sourceKinds"] = Names(sources.Select(s => s.Source.Kind.ToString())),
        ["hyphenated"] = hyphenated.Stance.ToString(),
        ["hyphenatedWrittenAs"] = JsonNode.Parse(JsonSerializer.Serialize(hyphenated))!["stance"]!.GetValue<string>(),
    };
});

Console.WriteLine(result.ToJsonString());

async Task Check(string name, Func<Task<JsonNode?>> check)
{
    try
    {
        result[name] = await check();
    }
    catch (Exception e)
    {
        result[name] = new JsonObject { ["failed"] = $"{e.GetType().FullName}: {e.Message}" };
    }
}

static JsonArray Names(IEnumerable<string> names) => new([.. names.Distinct().Order().Select(n => (JsonNode)n)]);

static JsonObject Problem(K.Models.ProblemDetails problem) => new()
{
    ["type"] = problem.GetType().Name,
    ["status"] = problem.ResponseStatusCode,
    ["title"] = problem.Title,
    ["errors"] = problem is K.Models.HttpValidationProblemDetails validation ? Names(validation.Errors?.AdditionalData.Keys ?? []) : null,
};
