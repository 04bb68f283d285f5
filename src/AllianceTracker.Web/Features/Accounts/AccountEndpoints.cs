using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AllianceTracker.Web.Features.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post (with its antiforgery token, checked because the endpoint reads the form),
        // so another site cannot sign a reader out with a link.
        endpoints.MapPost("/account/sign-out", async ([FromForm] string? returnUrl, SignInManager<IdentityUser> signIn, HttpContext context, ILogger<SignInManager<IdentityUser>> logger) =>
        {
            var name = context.User.Identity?.Name;
            await signIn.SignOutAsync();
            if (name is not null)
            {
                logger.LogInformation("{UserName:l} signed out", name);
            }

            return TypedResults.LocalRedirect(SafeReturnUrl(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Only local paths: a crafted link must not bounce a user off to another site after sign-in.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
