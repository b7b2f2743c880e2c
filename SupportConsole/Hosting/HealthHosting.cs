using Microsoft.AspNetCore.HttpOverrides;
using SupportConsole.Data;

namespace SupportConsole.Hosting;

/// <summary>
/// What a load balancer needs: <c>GET /health</c> (no sign-in; 200 "Healthy" when the database answers, 503 otherwise)
/// and, behind a reverse proxy (<c>ForwardedHeaders:Enabled</c>), the client's address and scheme from its
/// X-Forwarded-For and X-Forwarded-Proto headers.
/// </summary>
public static class HealthHosting
{
    public static void AddHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // Loopback proxies are trusted by default; a proxy on another machine is named here.
            foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
    }

    /// <summary>First in the pipeline, so everything after it sees the client's scheme and address.</summary>
    public static void UseProxyHeaders(this WebApplication app)
    {
        if (app.Configuration.GetValue("ForwardedHeaders:Enabled", false))
        {
            app.UseForwardedHeaders();
        }
    }

    public static void MapHealth(this WebApplication app) =>
        app.MapHealthChecks("/health").AllowAnonymous().DisableRateLimiting();
}
