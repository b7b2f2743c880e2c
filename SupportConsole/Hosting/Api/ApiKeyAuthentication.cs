using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace SupportConsole.Hosting.Api;

/// <summary><c>Authorization: Bearer &lt;key&gt;</c> against <c>Api:Keys</c>. A key grants the whole API; no keys configured means every call is 401.</summary>
internal sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Policy = "Api";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        var presented = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        var keys = configuration.GetSection("Api:Keys").Get<string[]>() ?? [];
        // Constant-time comparison so a caller cannot learn a key a byte at a time.
        var match = keys.Where(k => !string.IsNullOrWhiteSpace(k))
            .Select(k => Encoding.UTF8.GetBytes(k))
            .Any(k => k.Length == presented.Length && CryptographicOperations.FixedTimeEquals(k, presented));
        if (!match)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "api")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(
            statusCode: 401,
            title: "API key required",
            detail: "Send a key from Api:Keys as 'Authorization: Bearer <key>'.").ExecuteAsync(Context);
    }
}
