using System.Text.Json.Nodes;
using AllianceTracker.Web.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AllianceTracker.Web.Api;

/// <summary>
/// What the OpenAPI document says beyond what the endpoints declare, so that a client generator
/// can trust it (issue 14): files as binary 200s, the problem details of every 4xx an operation can
/// answer, the sign-in cookie as a security scheme on what needs it, the published codes as enums,
/// dates as <c>format: date</c>, and tag descriptions. Redocly's recommended ruleset checks it in CI.
/// </summary>
public static class ApiDocumentConventions
{
    public const string CookieScheme = "signInCookie";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["Positions"] = "Where each member stands on each proposal, and whether consensus is possible, today or as of a date.",
        ["Members and proposals"] = "The 32 members, the summits and the proposals the positions refer to.",
        ["Stances"] = "The stance history: one entry per recorded change; editors record and retract.",
        ["Proposals"] = "Summits, proposals and the summits' decisions on them; editors write.",
        ["Sources"] = "The sources evidence is quoted from; editors add and correct them.",
        ["Snapshots and exports"] = "Downloads of the live picture, frozen citable snapshots, and comparisons between pictures.",
        ["Feeds"] = "An Atom feed of stance changes, decisions and proposal texts.",
        ["Live updates"] = "Committed changes as server-sent events.",
        ["Import"] = "Dataset import for administrators: preview, then apply.",
        ["News assist"] = "Suggested stance updates read from a pasted news text, for an editor to review; nothing is written.",
    };

    /// <summary>Parameters and properties that take one of the published codes (docs/domain.md).</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> CodeLists = new()
    {
        ["stance"] = [.. StanceVocabulary.All.Select(d => d.Code)],
        ["outcome"] = ProposalOutcomeCodes.Map.Codes,
        ["kind"] = SourceKindCodes.Map.Codes,
        ["eu"] = ["yes", "no"],
        ["b9"] = ["yes", "no"],
        ["sort"] = ["name", "joined", "stance"],
        ["bom"] = ["true", "false"],
        ["compare"] = ["latest-snapshot"],
        ["status"] = [.. ConsensusStatusCodes.Map.Codes, .. ProposalOutcomeCodes.DecisionCodes],
    };

    /// <summary>Parameters (not properties) with a code list: an export document's <c>format</c> property is its own name.</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> ParameterOnlyCodeLists = new()
    {
        ["format"] = ["csv", "json", "xlsx", "md"],
    };

    /// <summary>
    /// Properties (not parameters) with a code list: a stance history entry's or a changed cell's
    /// <c>from</c> (see <see cref="StanceCodeFrom"/>); the diff's <c>from</c> parameter is a picture.
    /// </summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> PropertyOnlyCodeLists = new()
    {
        ["from"] = [.. StanceVocabulary.All.Select(d => d.Code)],
        ["origin"] = [.. Enum.GetValues<EntryOrigin>().Select(o => o.ToCode())],
    };

    /// <summary>
    /// Properties whose codes belong to their type: a comparison side's <c>kind</c> is not a
    /// source's, and a changed cell's <c>to</c> is a stance (a status change's is a status).
    /// </summary>
    private static readonly Dictionary<(Type Type, string Property), IReadOnlyList<string>> TypeCodeLists = new()
    {
        [(typeof(Contracts.DiffSide), "kind")] = Contracts.DiffSide.Kinds,
        [(typeof(Contracts.CellChange), "to")] = [.. StanceVocabulary.All.Select(d => d.Code)],
    };

    /// <summary>The types whose <c>from</c> is a stance code; a status change's is a status.</summary>
    private static readonly HashSet<Type> StanceCodeFrom = [typeof(Contracts.CellChange), typeof(Contracts.StanceEntryDto)];

    /// <summary>Parameters and properties that hold a calendar date, YYYY-MM-DD.</summary>
    private static readonly HashSet<string> DateNames =
        ["asOf", "effectiveDate", "decidedOn", "tabledOn", "published", "publishedDate", "startsOn", "endsOn"];

    public static OpenApiOptions AddAllianceConventions(this OpenApiOptions options) => options
        .AddDocumentTransformer(DescribeDocument)
        .AddOperationTransformer(DescribeOperation)
        .AddSchemaTransformer(DescribeSchema)
        .AddDocumentTransformer(ApiDocumentComponents.ShareAsync);

    private static Task DescribeDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // "http://host/" → "http://host": paths already start with a slash.
        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = ".AspNetCore.Identity.Application",
            Description = "The session cookie set by signing in at /account/sign-in (named __Host-AllianceTracker where the site is served over HTTPS). "
                + "Writes also need the X-Requested-With header each write operation lists.",
        };
        document.Tags ??= new HashSet<OpenApiTag>();
        foreach (var (name, description) in TagDescriptions)
        {
            if (document.Tags.FirstOrDefault(t => t.Name == name) is { } tag)
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }

    private static async Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document!;
        operation.Responses ??= new OpenApiResponses();
        if (metadata.OfType<FileResponse>().LastOrDefault() is { } file)
        {
            operation.Responses["200"] = new OpenApiResponse
            {
                Description = file.Description,
                // A JSON file is a document of a known shape (ApiDocumentComponents registers it); the rest are opaque.
                Content = file.ContentTypes.ToDictionary(type => type, type => new OpenApiMediaType
                {
                    Schema = type == "application/json" && file.JsonType is { } json
                        ? new OpenApiSchemaReference(json.Name, document)
                        : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                }),
            };
        }

        var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken);
        var validation = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), cancellationToken: cancellationToken);
        void Add(int status, string description, IOpenApiSchema schema)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.ContainsKey(key))
            {
                operation.Responses[key] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema } },
                };
            }
        }

        var path = context.Description.RelativePath ?? "";
        var isWrite = context.Description.HttpMethod is not ("GET" or "HEAD");
        if ((operation.Parameters ?? []).Any(p => p.In == ParameterLocation.Query) || operation.RequestBody is not null)
        {
            Add(400, "A parameter or the body was refused: `errors` names each field and what it accepts.", validation);
        }

        if (path.Contains('{', StringComparison.Ordinal) && !path.EndsWith(".{format}", StringComparison.Ordinal))
        {
            Add(404, "Nothing has this code, slug or id.", problem);
        }

        var needsSignIn = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        if (needsSignIn)
        {
            Add(401, "Not signed in (or the session was revoked): sign in and send the cookie.", problem);
            Add(403, "Signed in, but the account's role does not allow this.", problem);
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] }];
        }
        else
        {
            // Open to anyone, signed in or not — unless the deployment keeps reading private.
            operation.Security = [new OpenApiSecurityRequirement(), new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, document)] = [] }];
            Add(401, "Only where this deployment requires sign-in to read (Access:RequireSignInToRead): not signed in.", problem);
        }

        if (isWrite)
        {
            Add(413, "The body is larger than this endpoint takes.", problem);
            Add(415, "The body is not JSON.", problem);
        }

        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter.Schema is OpenApiSchema schema && parameter.Name is { } name)
            {
                Describe(schema, name, isProperty: false);
            }
        }
    }

    private static Task DescribeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is { Name: { } name } property)
        {
            if (TypeCodeLists.TryGetValue((property.DeclaringType, name), out var codes))
            {
                Describe(schema, name, isProperty: true, codes);
            }
            else if (name != "from" || StanceCodeFrom.Contains(property.DeclaringType))
            {
                Describe(schema, name, isProperty: true);
            }

            // A body (…Body, what a client sends) records a decision: "pending" is what a proposal
            // without one shows, never something to send.
            if (name == "outcome" && property.DeclaringType.Name.EndsWith("Body", StringComparison.Ordinal) && schema.Enum is { Count: > 0 })
            {
                schema.Enum = [.. schema.Enum.Where(code => code?.GetValue<string>() != "pending")];
            }
        }

        return Task.CompletedTask;
    }

    private static void Describe(OpenApiSchema schema, string name, bool isProperty, IReadOnlyList<string>? codes = null)
    {
        if (schema.Type is not { } type || !type.HasFlag(JsonSchemaType.String))
        {
            return;
        }

        var nullable = type.HasFlag(JsonSchemaType.Null);
        codes ??= CodeLists.GetValueOrDefault(name) ?? (isProperty ? PropertyOnlyCodeLists : ParameterOnlyCodeLists).GetValueOrDefault(name);
        if (codes is not null)
        {
            schema.Enum = [.. codes.Select(code => (JsonNode)JsonValue.Create(code)), .. nullable ? new JsonNode[] { null! } : []];
        }
        else if (DateNames.Contains(name))
        {
            schema.Format = "date";
        }
    }
}
