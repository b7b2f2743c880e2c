using Microsoft.AspNetCore.Authentication;

namespace SupportConsole.Hosting.Api;

/// <summary>
/// The JSON API under <c>/api</c>: API-key auth only (never the sign-in cookie), problem details for every error.
/// Each feature maps its own endpoints on <see cref="MapApi"/>'s group.
/// </summary>
public static class ApiEndpoints
{
    public static void AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthentication.Policy, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser());
    }

    /// <summary>A route group under <c>/api</c> with the API's authentication and conventions.</summary>
    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGroup("/api")
            .RequireAuthorization(ApiKeyAuthentication.Policy)
            .DisableAntiforgery()
            .WithTags("SupportConsole API");

    /// <summary>Anything else under /api is a 404 problem, not the app's HTML not-found page.</summary>
    public static void MapApiFallback(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapApi().MapFallback(() => Results.Problem(statusCode: 404, title: "No such endpoint", detail: "See /openapi/v1.json or /api-reference for the endpoints."));

    /// <summary>The 400 for a case reference that is not a case number.</summary>
    public static IResult BadCaseNumber(string text) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["number"] = [$"'{Shorten(text)}' is not a case number like SC-100042."] });

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
