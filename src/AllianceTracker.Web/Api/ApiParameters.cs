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

    /// <summary>Several parameters' problems, each under its name, refused together: nothing was done.</summary>
    public static ValidationProblem Refused(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Invalid parameter", detail: "Nothing was done; correct the parameters named below.");

    public static string NotAMemberCode(string code) => $"'{code}' is not a member's alpha-3 code, e.g. HUN.";

    public static string NotAProposalSlug(string slug) => $"'{slug}' is not a proposal's slug, e.g. ukraine-fund.";

    /// <summary>An optional <c>true</c>/<c>false</c> parameter; absent is <paramref name="absent"/>.</summary>
    public static bool TryReadTrueOrFalse(string? value, string parameter, bool absent, out bool result, out ValidationProblem problem)
    {
        problem = null!;
        result = value is null ? absent : value == "true";
        if (value is null or "true" or "false")
        {
            return true;
        }

        problem = Invalid(parameter, $"'{value}' is not true or false.");
        return false;
    }

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
