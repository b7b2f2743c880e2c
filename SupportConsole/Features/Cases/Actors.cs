using System.Security.Claims;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Account;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Cases;

public static class Actors
{
    /// <summary>The signed-in agent as the desk records them: user id, display name (or email) and email.</summary>
    public static Actor Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var email = user.FindFirst(ClaimTypes.Email)?.Value ?? user.Identity?.Name ?? "";
        var name = user.FindFirst(AgentClaimsFactory.DisplayNameClaim)?.Value;
        return new Actor(user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "", string.IsNullOrWhiteSpace(name) ? email : name, email);
    }

    /// <summary>An agent's account as the desk records them (the API acting on an agent's behalf).</summary>
    public static Actor Of(AgentUser user) => new(user.Id, user.NameOrEmail, user.Email ?? "");

    public static bool IsManager(ClaimsPrincipal user) => user.IsInRole(Roles.Manager);
}
