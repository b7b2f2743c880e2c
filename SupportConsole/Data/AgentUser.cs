using Microsoft.AspNetCore.Identity;

namespace SupportConsole.Data;

/// <summary>A person who signs in: an agent, engineer, manager or administrator.</summary>
public sealed class AgentUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in and loses its open sessions at the next revalidation.</summary>
    public bool IsDisabled { get; set; }

    public string NameOrEmail => string.IsNullOrWhiteSpace(DisplayName) ? Email ?? UserName ?? Id : DisplayName;
}
