using SupportConsole.Features.Calendar;
using SupportConsole.Features.Customers;
using SupportConsole.Features.Intake;

namespace SupportConsole.Features.Api;

internal static class ApiEndpoints
{
    /// <summary>The JSON API under <c>/api</c>: API-key auth only (never the sign-in cookie), problem details for every error.</summary>
    public static IEndpointRouteBuilder MapSupportConsoleApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api")
            .RequireAuthorization(ApiKeyAuthentication.Policy)
            .DisableAntiforgery()
            .WithTags("SupportConsole API");
        api.MapCalendarApi();
        api.MapCaseApi();
        api.MapCustomerApi();
        // Anything else under /api is a 404 problem, not the app's HTML not-found page.
        api.MapFallback(() => Results.Problem(statusCode: 404, title: "No such endpoint", detail: "See the README's API section for the endpoints."));
        return endpoints;
    }
}
