using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Account;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Intake;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Cases.Pages;

/// <summary>
/// A Development app (demo agents and customers, no demo cases) on a clock that stands still at Wednesday
/// 2026-11-18 09:00 CST, inside the Tier 1 window. One host per test class; bUnit tests borrow its services.
/// Nothing here advances the clock, so SLA figures on the pages stay exact.
/// </summary>
public sealed class CaseDeskApp : IAsyncLifetime
{
    public static readonly DateTimeOffset WednesdayNine = new(2026, 11, 18, 15, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(WednesdayNine);

    public AppFactory App { get; }

    public CaseDeskApp() => App = new AppFactory { Clock = Clock };

    public ValueTask InitializeAsync()
    {
        _ = App.Services; // start the host: migrations, demo customers and agents, calendar
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>
    /// Lends the host's services to a bUnit context: the clock, the case page's panels (an IEnumerable, which bUnit's
    /// own provider would answer with an empty list) and, as a fallback, every other service of the app's own assembly
    /// that the pages and their child components inject (desk, reader, notifier, calendar, boards, settings...).
    /// Framework services (JS interop, navigation, authorization, MudBlazor, the renderer's own) stay bUnit's.
    /// </summary>
    public void Lend(BunitContext context)
    {
        context.Services.AddSingleton<TimeProvider>(Clock);
        foreach (var panel in App.Services.GetServices<CasePanel>())
        {
            context.Services.AddSingleton(panel);
        }
        context.Services.AddFallbackServiceProvider(new AppServicesOnly(App.Services));
    }

    private sealed class AppServicesOnly(IServiceProvider host) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType.Assembly == typeof(CaseDesk).Assembly ? host.GetService(serviceType) : null;
    }

    /// <summary>A demo agent's account (tier1@, tier1b@, tier2@, manager@ ... supportconsole.local).</summary>
    public AgentUser Agent(string email)
    {
        using var scope = App.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByEmailAsync(email).GetAwaiter().GetResult()
            ?? throw new InvalidOperationException($"No demo agent {email}.");
    }

    /// <summary>A demo agent's account by id, and the roles it holds.</summary>
    public (AgentUser User, string[] Roles) AgentWithRoles(string userId)
    {
        using var scope = App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        var user = users.FindByIdAsync(userId).GetAwaiter().GetResult() ?? throw new InvalidOperationException($"No agent {userId}.");
        return (user, [.. users.GetRolesAsync(user).GetAwaiter().GetResult()]);
    }

    public static Actor ActorOf(AgentUser user) => new(user.Id, user.NameOrEmail, user.Email!);

    /// <summary>Signs <paramref name="user"/> in on a bUnit context with the claims the app's claims factory gives them.</summary>
    public static void SignIn(BunitContext context, AgentUser user, params string[] roles) => SignIn(context.AddAuthorization(), user, roles);

    /// <summary>Signs <paramref name="user"/> in on an authorization context added earlier (before services were locked).</summary>
    public static void SignIn(BunitAuthorizationContext authorization, AgentUser user, params string[] roles) =>
        authorization.SetAuthorized(user.Email!).SetRoles(roles)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Email, user.Email!),
                new Claim(AgentClaimsFactory.DisplayNameClaim, user.NameOrEmail));

    /// <summary>An email case through the real intake, with a subject unique to the calling test.</summary>
    public async Task<SupportCase> OpenCaseAsync(string from, string fromName, string subject, string body = "Body",
        CaseSeverity severity = CaseSeverity.Normal)
    {
        var result = await Get<CaseIntake>().AcceptAsync(new IntakeRequest(CaseChannel.Email, from, fromName,
            $"{subject} {Guid.NewGuid().ToString("N")[..6]}", body, severity));
        return result.Case;
    }
}
