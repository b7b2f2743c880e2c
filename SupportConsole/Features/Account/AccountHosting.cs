using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using SupportConsole.Data;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Account;

public static class AccountHosting
{
    /// <summary>Agent accounts (ASP.NET Identity), the sign-in cookie and the role policies.</summary>
    public static void AddAccount(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<AgentUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Accounts:MaxFailedSignIns", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Accounts:LockoutMinutes", 15));
            })
            .AddEntityFrameworkStores<SupportConsoleDbContext>()
            .AddClaimsPrincipalFactory<AgentClaimsFactory>()
            .AddDefaultTokenProviders();

        // Cookies are checked against the account once a minute: disabling or demoting someone takes effect within a minute.
        builder.Services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.TimeProvider = clock;
        });
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((cookie, clock) => cookie.TimeProvider = clock);
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = "SupportConsole.Auth";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
        });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddAuthorization(options =>
        {
            foreach (var (policy, roles) in Policies.RolesByPolicy)
            {
                options.AddPolicy(policy, p => p.RequireRole(roles));
            }
        });

        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, AgentAuthenticationStateProvider>();
        builder.Services.AddScoped<AccountBootstrap>();
    }

    public static void MapAccount(this WebApplication app) => app.MapAccountEndpoints();
}
