using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SupportConsole.Data;

namespace SupportConsole.Features.Account;

/// <summary>
/// Rechecks an open circuit's user every <c>Accounts:RevalidationSeconds</c> (30): a disabled, deleted or demoted
/// account (its security stamp changes with every role change) loses the page without waiting for its cookie to expire.
/// </summary>
internal sealed class AgentAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    IConfiguration configuration)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public const int DefaultRevalidationSeconds = 30;

    protected override TimeSpan RevalidationInterval { get; } =
        TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Accounts:RevalidationSeconds", DefaultRevalidationSeconds), 1, 300));

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        try
        {
            return await IsStillValidAsync(users, authenticationState.User, options.Value);
        }
        catch (Exception e) when (e.IsTransient())
        {
            // The database did not answer this time: the page stays until the next check, which asks again. (Every
            // action on the page checks the user's roles itself, so nothing is done on this check's word.)
            scope.ServiceProvider.GetRequiredService<ILogger<AgentAuthenticationStateProvider>>()
                .LogWarning(e, "Could not recheck {User}: the database did not answer; the next check asks again", authenticationState.User.Identity?.Name);
            return true;
        }
    }

    internal static async Task<bool> IsStillValidAsync(UserManager<AgentUser> users, ClaimsPrincipal principal, IdentityOptions options)
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
        {
            return false;
        }
        var principalStamp = principal.FindFirstValue(options.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }
}
