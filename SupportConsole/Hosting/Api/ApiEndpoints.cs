using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Metadata;

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

    /// <summary>
    /// A 413 problem that names the limit, before the body is read, when a request's Content-Length is over its
    /// endpoint's request-size metadata (<c>.WithMetadata(new RequestSizeLimitAttribute(...))</c>). Kestrel applies that
    /// limit itself while reading, chunked bodies included, but only with a bare status; and a test host does not apply it.
    /// </summary>
    public static IApplicationBuilder UseApiRequestSizeLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
            if (limit is { } max && context.Request.ContentLength > max)
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "The request body is too large.",
                    detail: $"This endpoint accepts at most {max / 1024} KB; this request has {context.Request.ContentLength / 1024} KB.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });

    /// <summary>The 400 for a case reference that is not a case number.</summary>
    public static IResult BadCaseNumber(string text) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { ["number"] = [BadCaseNumberMessage(text)] });

    /// <summary>The field message for a case reference that is not a case number; long input is cut so the answer never echoes it whole.</summary>
    public static string BadCaseNumberMessage(string text) => $"'{Shorten(text)}' is not a case number like SC-100042.";

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
