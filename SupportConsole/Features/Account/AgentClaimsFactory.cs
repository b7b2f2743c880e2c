using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SupportConsole.Data;

namespace SupportConsole.Features.Account;

/// <summary>Puts the agent's display name in the sign-in cookie so the app bar can greet them without a query.</summary>
internal sealed class AgentClaimsFactory(UserManager<AgentUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AgentUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AgentUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.NameOrEmail));
        return identity;
    }
}
