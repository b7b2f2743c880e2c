namespace SupportConsole.Hosting;

/// <summary>
/// Browser hardening headers on every response: pages, the API, static files, downloads and error pages alike.
/// They are added when the response starts (not when the request arrives) so that the exception handler and the
/// status-code pages, which clear the response headers before re-executing, cannot drop them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The app's own policy: only its own scripts (no inline script, which is why App.razor renders no import map),
    /// inline styles for MudBlazor, and the Blazor circuit's WebSocket.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>
    /// The Scalar API reference and the Hangfire dashboard are third-party pages with inline script (and Scalar's
    /// fonts come from its own host); they get a looser script, style and font policy but still cannot be framed.
    /// </summary>
    public const string ToolPagesContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "font-src 'self' data: https://fonts.scalar.com; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>Adds the headers to every response; register it first so nothing (404s, problem responses) escapes it.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = IsToolPage(http.Request.Path) ? ToolPagesContentSecurityPolicy : ContentSecurityPolicy;
            return Task.CompletedTask;
        }, context);
        return next(context);
    });

    private static bool IsToolPage(PathString path) =>
        path.StartsWithSegments("/api-reference") || path.StartsWithSegments("/scalar") || path.StartsWithSegments("/hangfire");
}
