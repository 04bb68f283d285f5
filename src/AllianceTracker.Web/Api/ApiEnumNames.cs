using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace AllianceTracker.Web.Api;

/// <summary>
/// Names for the members of every string enum in the OpenAPI document, as <c>x-enum-varnames</c>
/// (read by NSwag/NJsonSchema and openapi-generator): the PascalCase of each code, so
/// <c>opts-out</c>, <c>news-report</c> and <c>adopted-amended</c> become <c>OptsOut</c>,
/// <c>NewsReport</c> and <c>AdoptedAmended</c>. A nullable enum's <c>null</c> comes last and gets no name.
/// </summary>
public static class ApiEnumNames
{
    public const string Extension = "x-enum-varnames";

    public static void NameEveryEnum(OpenApiDocument document)
    {
        var seen = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            Visit(schema, seen);
        }

        foreach (var parameter in (document.Components?.Parameters?.Values ?? []).Concat(
            document.Paths.Values.SelectMany(item => item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).SelectMany(operation => operation.Parameters ?? [])))
        {
            if (parameter is OpenApiParameter { Schema: { } schema })
            {
                Visit(schema, seen);
            }
        }
    }

    /// <summary>The identifier for a code: each run of letters and digits with its first letter upper-cased.</summary>
    public static string MemberName(string code)
    {
        var name = new StringBuilder();
        var startsWord = true;
        foreach (var c in code)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                startsWord = true;
                continue;
            }

            name.Append(startsWord ? char.ToUpperInvariant(c) : c);
            startsWord = false;
        }

        return name.Length == 0 || char.IsAsciiDigit(name[0]) ? "_" + name : name.ToString();
    }

    private static void Visit(IOpenApiSchema schema, HashSet<IOpenApiSchema> seen)
    {
        // A reference is named where it points, under components.
        if (schema is not OpenApiSchema own || !seen.Add(own))
        {
            return;
        }

        if (own.Enum is { Count: > 0 } values && values.All(v => v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.String))
        {
            own.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            own.Extensions[Extension] = new JsonNodeExtension(new JsonArray([.. values.OfType<JsonNode>().Select(v => (JsonNode)JsonValue.Create(MemberName(v.GetValue<string>())))]));
        }

        foreach (var child in (own.Properties?.Values ?? []).Concat(own.AllOf ?? []).Concat(own.AnyOf ?? []).Concat(own.OneOf ?? [])
            .Append(own.Items).Append(own.AdditionalProperties).OfType<IOpenApiSchema>())
        {
            Visit(child, seen);
        }
    }
}
