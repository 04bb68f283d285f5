using System.Text.Json.Nodes;
using AllianceTracker.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AllianceTracker.Web.Api;

/// <summary>
/// The last pass over the OpenAPI document, once every operation is described: what many
/// operations repeat is declared once under <c>components</c> and referenced, so a client generator
/// makes one type of it, not one per operation (issue 14, data reuse). Problem responses become
/// shared responses over two schemas (<c>ProblemDetails</c>, and <c>HttpValidationProblemDetails</c>
/// extending it); the script header every write needs is <c>components/parameters/XRequestedWith</c>;
/// a consensus's <c>counts</c> is <c>StanceCounts</c>, one integer per stance code; the JSON files'
/// schemas are registered; and every code list gets <c>x-enum-varnames</c> (<c>opts-out</c> →
/// <c>OptsOut</c>) so generators that name enum members from values make valid identifiers.
/// </summary>
public static class ApiDocumentComponents
{
    public const string ScriptHeaderParameter = "XRequestedWith";
    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "HttpValidationProblemDetails";
    public const string StanceCountsSchema = "StanceCounts";
    private const string ProblemMediaType = "application/problem+json";

    /// <summary>What each shared problem response says; an operation that says more keeps its own words on the reference.</summary>
    private static readonly Dictionary<string, string> SharedDescriptions = new()
    {
        ["BadRequest"] = "A parameter or the body was refused: `errors` names each field and what it accepts.",
        ["Unauthorized"] = "Not signed in (or the session was revoked): sign in and send the cookie.",
        ["Forbidden"] = "Signed in, but the account's role does not allow this.",
        ["NotFound"] = "Nothing has this code, slug or id.",
        ["PayloadTooLarge"] = "The body is larger than this endpoint takes.",
        ["UnsupportedMediaType"] = "The body is not JSON.",
        ["Conflict"] = "Written on an older version (the body's `expectedVersion`): `current` is the resource as it stands, the ETag the version to write on.",
        ["PreconditionFailed"] = "`If-Match` named an older version: `current` is the resource as it stands, the ETag the version to write on.",
        ["ServiceUnavailable"] = "The server cannot take this request now: try again after the seconds `Retry-After` gives.",
    };

    public static async Task ShareAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        await EnsureSchemaAsync(schemas, ProblemSchema, typeof(ProblemDetails), context, cancellationToken);
        await EnsureSchemaAsync(schemas, ValidationProblemSchema, typeof(HttpValidationProblemDetails), context, cancellationToken);
        // A validation problem is a problem with `errors`: generated clients get one base error type.
        schemas[ValidationProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A problem whose `errors` names each refused field (or parameter) and what it accepts.",
            AllOf = [new OpenApiSchemaReference(ProblemSchema, document)],
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        };
        foreach (var jsonType in context.DescriptionGroups.SelectMany(g => g.Items)
            .SelectMany(d => d.ActionDescriptor.EndpointMetadata.OfType<FileResponse>())
            .Select(f => f.JsonType).OfType<Type>().Distinct())
        {
            await EnsureSchemaAsync(schemas, jsonType.Name, jsonType, context, cancellationToken);
        }

        ShareDiffSides(schemas, document);
        document.Components.Parameters ??= new Dictionary<string, IOpenApiParameter>();
        document.Components.Parameters[ScriptHeaderParameter] = ScriptHeader();
        document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        foreach (var item in document.Paths.Values)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                ShareProblems(operation, document);
                if (method != HttpMethod.Get && method != HttpMethod.Head && method != HttpMethod.Options)
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameterReference(ScriptHeaderParameter, document));
                }
            }
        }

        schemas[StanceCountsSchema] = StanceCounts();
        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            if (schema.Properties?.TryGetValue("counts", out var counts) == true && counts is OpenApiSchema { AdditionalProperties: { Type: JsonSchemaType.Integer } })
            {
                schema.Properties["counts"] = new OpenApiSchemaReference(StanceCountsSchema, document);
            }
        }

        ApiEnumNames.NameEveryEnum(document);
    }

    /// <summary>A comparison's two sides (<c>PictureDiff.from</c>, <c>.to</c>) are one type, <c>DiffSide</c>, not two inline objects.</summary>
    private static void ShareDiffSides(IDictionary<string, IOpenApiSchema> schemas, OpenApiDocument document)
    {
        const string side = nameof(Contracts.DiffSide);
        if (schemas.TryGetValue("PictureDiff", out var diff) && diff is OpenApiSchema { Properties: { } properties }
            && properties.TryGetValue("from", out var from) && from is OpenApiSchema inline)
        {
            schemas[side] = inline;
            properties["from"] = new OpenApiSchemaReference(side, document);
            properties["to"] = new OpenApiSchemaReference(side, document);
        }
    }

    private static async Task EnsureSchemaAsync(IDictionary<string, IOpenApiSchema> schemas, string name, Type type, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (!schemas.ContainsKey(name))
        {
            schemas[name] = await context.GetOrCreateSchemaAsync(type, cancellationToken: cancellationToken);
        }
    }

    /// <summary>
    /// Each response that is only a problem document becomes a reference to the shared response for
    /// its status (400: a validation problem); an operation's own wording stays as the reference's description.
    /// </summary>
    private static void ShareProblems(OpenApiOperation operation, OpenApiDocument document)
    {
        foreach (var (status, response) in (operation.Responses ?? []).ToList())
        {
            if (response is not OpenApiResponse { Content: { Count: 1 } content } || !content.TryGetValue(ProblemMediaType, out var media))
            {
                continue;
            }

            var validation = status == "400" || IsValidation(media.Schema);
            var phrase = int.TryParse(status, out var code) ? Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code) : "";
            var name = ResponseName(status, phrase, validation);
            if (!document.Components!.Responses!.TryGetValue(name, out var shared))
            {
                shared = new OpenApiResponse
                {
                    Description = SharedDescriptions.GetValueOrDefault(name) ?? response.Description ?? name,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [ProblemMediaType] = new() { Schema = new OpenApiSchemaReference(validation ? ValidationProblemSchema : ProblemSchema, document) },
                    },
                };
                document.Components.Responses[name] = shared;
            }

            var reference = new OpenApiResponseReference(name, document);
            // The framework's bare reason phrase ("Bad Request") says less than the shared wording.
            if (response.Description is { } own && own != shared.Description && own != phrase)
            {
                reference.Description = own;
            }

            operation.Responses![status] = reference;
        }
    }

    private static bool IsValidation(IOpenApiSchema? schema) =>
        schema is OpenApiSchemaReference { Reference.Id: ValidationProblemSchema }
        || schema?.Properties?.ContainsKey("errors") == true;

    private static string ResponseName(string status, string phrase, bool validation)
    {
        var name = string.IsNullOrEmpty(phrase) ? $"Problem{status}" : string.Concat(phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return validation && status != "400" ? name + "Validation" : name;
    }

    private static OpenApiParameter ScriptHeader() => new()
    {
        Name = ScriptOnlyWrites.HeaderName,
        In = ParameterLocation.Header,
        Required = true,
        Description = $"Must be '{ScriptOnlyWrites.HeaderValue}': a cross-site form cannot send it. Without it the write is refused with 400; "
            + $"a body that is not JSON gets 415; a body over {ScriptOnlyWrites.MaxWriteBodyBytes / 1024} KiB (imports excepted) gets 413.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(ScriptOnlyWrites.HeaderValue)] },
    };

    /// <summary>The members per stance code: every code, always (a dictionary on the server, an object with fixed names on the wire).</summary>
    private static OpenApiSchema StanceCounts()
    {
        var codes = StanceVocabulary.All.Select(d => d.Code).ToList();
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "How many members hold each stance, by stance code; every code is present, 0 when nobody holds it.",
            Properties = codes.ToDictionary(code => code, IOpenApiSchema (code) => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0" }),
            Required = codes.ToHashSet(),
            AdditionalPropertiesAllowed = false,
        };
    }
}
