using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Intake.WebForm;

public static class WebFormHosting
{
    /// <summary>The rate-limiting policy on the public form: a fixed window per client IP, counting POSTs only.</summary>
    public const string RateLimitPolicy = "web-form";

    public static void AddWebForm(this WebApplicationBuilder builder)
    {
        var options = WebFormOptions.From(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<WebFormSubmission>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, context =>
                !HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = options.PermitLimit,
                            Window = TimeSpan.FromSeconds(options.WindowSeconds),
                            QueueLimit = 0,
                            AutoReplenishment = true,
                        }));
            limiter.OnRejected = (rejected, cancellationToken) => WriteTooManyAsync(rejected, options, cancellationToken);
        });
    }

    /// <summary>The shared friendly 429 page, saying where to write instead.</summary>
    private static ValueTask WriteTooManyAsync(OnRejectedContext rejected, WebFormOptions options, CancellationToken cancellationToken)
    {
        var address = WebUtility.HtmlEncode(options.SupportAddress);
        return TooManyRequestsPage.WriteAsync(rejected, TimeSpan.FromSeconds(options.WindowSeconds),
            "We received several requests from your network in a short time, so this form is paused for you.",
            wait => $"Please wait {wait} and send the form again, or email <a href=\"mailto:{address}\">{address}</a>: an email opens a case just the same.",
            "/submit", "Back to the form", cancellationToken);
    }
}
