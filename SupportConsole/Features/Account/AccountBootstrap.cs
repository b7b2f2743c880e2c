using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Account;

/// <summary>
/// First run: makes sure the roles exist, and when there is no user at all creates the administrator from
/// <c>Bootstrap:AdminEmail</c>/<c>Bootstrap:AdminPassword</c>, or in Development the demo accounts.
/// </summary>
internal sealed class AccountBootstrap(
    UserManager<AgentUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<AccountBootstrap> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Throw(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        if (await users.Users.AnyAsync(cancellationToken))
        {
            return;
        }

        var email = configuration["Bootstrap:AdminEmail"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (!string.IsNullOrWhiteSpace(email) && !string.IsNullOrWhiteSpace(password))
        {
            await CreateAsync(email.Trim(), password, "Administrator", [.. Roles.All]);
            logger.LogInformation("Created the bootstrap administrator {Email}", email);
        }
        else if (environment.IsDevelopment())
        {
            foreach (var demo in DemoAccounts.All)
            {
                await CreateAsync(demo.Email, demo.Password, demo.DisplayName, demo.Roles);
            }
            logger.LogInformation("Seeded {Count} demo accounts (Development only); they are listed on the sign-in page", DemoAccounts.All.Count);
        }
        else
        {
            logger.LogWarning("There is no user and no Bootstrap:AdminEmail/Bootstrap:AdminPassword: nobody can sign in until they are set");
        }
    }

    private async Task CreateAsync(string email, string password, string displayName, string[] userRoles)
    {
        var user = new AgentUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        Throw(await users.CreateAsync(user, password), $"create {email}");
        Throw(await users.AddToRolesAsync(user, userRoles), $"give {email} its roles");
    }

    private static void Throw(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
