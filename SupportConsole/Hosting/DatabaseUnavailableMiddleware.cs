using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc;
using SupportConsole.Data;

namespace SupportConsole.Hosting;

/// <summary>
/// A request the database could not answer (restarting, unreachable, out of connections: <see cref="DatabaseErrors.IsTransient"/>)
/// is an outage, not a bug. In every environment it gets 503 with <c>Retry-After</c> and words that say so: a small
/// page for people, problem+json for the API. Other exceptions go on to the error page as before.
/// </summary>
public sealed class DatabaseUnavailableMiddleware(RequestDelegate next, ILogger<DatabaseUnavailableMiddleware> logger)
{
    /// <summary>The wait the answer suggests.</summary>
    public const int RetryAfterSeconds = 30;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (e.IsTransient() && !context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning(e, "The database did not answer {Method} {Path}; answered 503", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                await context.Response.WriteAsJsonAsync(new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "The database is not answering",
                    Detail = $"SupportConsole could not reach its database, so the request was not carried out. Try again in {RetryAfterSeconds} seconds (Retry-After). A new case sent again with the same Idempotency-Key is never made twice.",
                }, options: null, contentType: "application/problem+json", cancellationToken: context.RequestAborted);
                return;
            }
            var again = WebUtility.HtmlEncode(context.Request.PathBase + context.Request.Path + context.Request.QueryString);
            await NoticePage.WriteAsync(context.Response, "The database is not answering", "database-unavailable",
                "SupportConsole could not reach its database, so this page could not be shown. It may be restarting; this usually passes within a minute.",
                $"Try again in {RetryAfterSeconds} seconds. If it keeps happening, tell your administrator.",
                again, "Try again", context.RequestAborted);
        }
    }
}
