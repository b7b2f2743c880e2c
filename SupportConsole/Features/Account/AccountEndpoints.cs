using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SupportConsole.Data;

namespace SupportConsole.Features.Account;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Sign-out is a POST with an antiforgery token. UseAntiforgery only validates endpoints that bind a form, and this
        // one binds nothing, so it checks the token itself: another site must not be able to sign an agent out.
        endpoints.MapPost("/account/logout", async Task<Results<RedirectHttpResult, ContentHttpResult>> (
            HttpContext context, [FromServices] IAntiforgery antiforgery, [FromServices] SignInManager<AgentUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                // A body, so the status-code pages leave the 400 alone instead of showing "not found".
                return TypedResults.Text("The sign-out form has expired. Reload the page and sign out again.", statusCode: StatusCodes.Status400BadRequest);
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login?signedOut=1");
        });
        return endpoints;
    }
}
