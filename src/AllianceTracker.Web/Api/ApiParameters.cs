using AllianceTracker.Web.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AllianceTracker.Web.Api;

/// <summary>How every API endpoint reads its parameters and refuses a bad one: 400, problem details, the parameter named.</summary>
public static class ApiParameters
{
    public static ValidationProblem Invalid(string parameter, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [parameter] = [message] },
            detail: $"Parameter '{parameter}': {message}",
            title: "Invalid parameter");

    /// <summary>An optional date parameter: absent is fine (null); present must be YYYY-MM-DD.</summary>
    public static bool TryReadDate(string? value, string parameter, out DateOnly? date, out ValidationProblem problem)
    {
        date = null;
        problem = null!;
        if (value is null)
        {
            return true;
        }

        if (IsoDate.TryParse(value, out var parsed))
        {
            date = parsed;
            return true;
        }

        problem = Invalid(parameter, IsoDate.NotADate(value));
        return false;
    }

    /// <summary>
    /// The <c>asOf</c> parameter: absent is today (null); present must be a date up to
    /// <paramref name="today"/>, since a future date would claim a picture nobody can know.
    /// </summary>
    public static bool TryReadAsOf(string? value, DateOnly today, out DateOnly? date, out ValidationProblem problem)
    {
        if (!TryReadDate(value, "asOf", out date, out problem))
        {
            return false;
        }

        if (date is { } asOf && IsoDate.PictureDateProblem(asOf, today) is { } message)
        {
            problem = Invalid("asOf", message);
            date = null;
            return false;
        }

        return true;
    }
}
