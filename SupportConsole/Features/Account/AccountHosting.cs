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
                // Failed passwords never lock an account (a stranger could lock an agent out): sign-in is checked
                // with lockoutOnFailure: false and throttled per client and slowed per account instead (AgentSignIn).
                // Lockout stays enabled because disabling an account is a permanent lockout (AgentDirectory).
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<SupportConsoleDbContext>()
            .AddClaimsPrincipalFactory<AgentClaimsFactory>()
            .AddDefaultTokenProviders();

        // Cookies are checked against the account every 30 seconds: disabling or demoting someone takes effect within 30 seconds.
        builder.Services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = TimeSpan.FromSeconds(30);
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

        var limits = SignInLimits.From(builder.Configuration);
        builder.Services.AddSingleton(limits);
        builder.Services.AddSingleton<SignInSlowDown>();
        builder.Services.AddScoped<AgentSignIn>();
        builder.Services.AddSignInRateLimit(limits);
    }

    public static void MapAccount(this WebApplication app) => app.MapAccountEndpoints();
}
