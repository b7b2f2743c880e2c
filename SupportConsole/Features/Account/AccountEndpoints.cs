using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SupportConsole.Data;

namespace SupportConsole.Features.Account;

internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Sign-out is a POST with an antiforgery token (form posts are validated by UseAntiforgery).
        endpoints.MapPost("/account/logout", async ([FromServices] SignInManager<AgentUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login?signedOut=1");
        });
        return endpoints;
    }
}
