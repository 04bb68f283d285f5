using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Api;

/// <summary>
/// The version a write was read at, for the resources that carry one (proposals, sources; stance
/// cells have their own): the body's <c>expectedVersion</c>, or <c>If-Match</c> with the ETag the
/// resource was read with (its version). Neither: the write is not checked.
/// </summary>
public readonly record struct ExpectedVersion(Guid? Version, bool FromIfMatch)
{
    /// <summary>Reads the version from <paramref name="ifMatch"/> or the body; a malformed If-Match, or one that contradicts the body, is named in <paramref name="errors"/>.</summary>
    public static ExpectedVersion Read(string? ifMatch, Guid? fromBody, Dictionary<string, string[]> errors)
    {
        var header = ifMatch?.Trim() ?? "";
        if (header.Length == 0 || header == "*")
        {
            return new(fromBody, FromIfMatch: false);
        }

        // If-Match compares strongly (RFC 9110 §13.1.1): a weak tag never matches, so it is refused as such.
        if (!(header.Length > 2 && header[0] == '"' && header[^1] == '"' && Guid.TryParse(header[1..^1], out var tagged)))
        {
            errors["If-Match"] = [$"{header} is not this resource's ETag: send the ETag it was read with, e.g. \"3f1c…\" in quotes, or leave the header out."];
            return default;
        }

        if (fromBody is { } body && body != tagged)
        {
            errors["expectedVersion"] = ["It differs from If-Match; send one of them."];
        }

        return new(tagged, FromIfMatch: true);
    }

    /// <summary>
    /// The answer to a write made on an older version: 409 with what is saved now (as a stance's
    /// conflict is), or 412 when the version came in If-Match, as HTTP says for a failed precondition.
    /// The body's <c>current</c> is the resource as it stands, the response's ETag the version to write on.
    /// </summary>
    public ProblemHttpResult Conflict(HttpResponse response, string detail, Guid current, object now)
    {
        VersionTags.Set(response, current);
        return TypedResults.Problem(
            statusCode: FromIfMatch ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
            title: "Changed by someone else",
            detail: $"{detail} Nothing was saved: read what is saved now (current) and make the change on it.",
            extensions: new Dictionary<string, object?> { ["current"] = now });
    }
}
