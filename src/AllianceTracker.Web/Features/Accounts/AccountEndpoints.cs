using AllianceTracker.Web.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace AllianceTracker.Web.Features.Accounts;

public static partial class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A form post with its antiforgery token, so another site cannot sign a reader out with a
        // link. Checked here rather than by form binding, so a post without a token is a plain 400
        // and not two stack traces in the log.
        endpoints.MapPost("/account/sign-out", async (HttpContext context, IAntiforgery antiforgery, SignInManager<IdentityUser> signIn, ILogger<SignInManager<IdentityUser>> logger) =>
        {
            if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Sign out from the page's Sign out button.",
                    detail: "This request did not come from one of this site's pages (its form token is missing or stale).");
            }

            var form = await context.Request.ReadFormAsync();
            if (await signIn.UserManager.GetUserAsync(context.User) is { } user)
            {
                // A new stamp ends this session everywhere it was copied to, not just in this browser.
                await signIn.UserManager.UpdateSecurityStampAsync(user);
                Log.SignedOut(logger, user.UserName);
            }

            await signIn.SignOutAsync();
            return Results.LocalRedirect(LocalReturnUrl.OrHome(form["returnUrl"]));
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return endpoints;
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information, Message = "{UserName:l} signed out")]
        public static partial void SignedOut(ILogger logger, string? userName);
    }
}
