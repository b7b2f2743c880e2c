using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Account;
using SupportConsole.Features.Calls;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Intake;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Calls;

/// <summary>
/// A Development app (demo agents and customers, no demo cases) for <see cref="BookCallPageTests"/>, on a fake clock
/// that starts every test at Wednesday 2027-02-17 09:00 Central, as the Tier 2-3 window opens. One host per test
/// class, as <see cref="Cases.Pages.CaseDeskApp"/> does; bUnit tests borrow its services. Each test calls
/// <see cref="SharedApp.ResetAsync"/> first: the database as start-up left it (no calls booked) and a fresh clock,
/// so a test that moves the clock past a link's expiry leaves the next test's clock alone.
/// </summary>
public sealed class BookCallPageApp() : SharedApp(WednesdayNine)
{
    /// <summary>Wednesday 2027-02-17 09:00 CST.</summary>
    public static readonly DateTimeOffset WednesdayNine = new(2027, 2, 17, 15, 0, 0, TimeSpan.Zero);

    /// <summary>A demo Tier 2 engineer (Sam Tier2): no staff profile, so the whole Tier 2-3 window, 09:00–17:00 Central.</summary>
    public static readonly DemoAccounts.DemoAccount Engineer = DemoAccounts.All.Single(a => a.Email == "tier2@supportconsole.local");

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>
    /// Lends the host's services to a bUnit context, as <see cref="Cases.Pages.CaseDeskApp.Lend"/> does: the host's
    /// clock, and as a fallback every service of the app's own assembly (booking links, call book...). Framework
    /// services (navigation, JS interop, MudBlazor, the renderer's own) stay bUnit's.
    /// </summary>
    public void Lend(BunitContext context)
    {
        context.Services.AddSingleton(App.Services.GetRequiredService<TimeProvider>());
        context.Services.AddFallbackServiceProvider(new AppServicesOnly(App.Services));
    }

    private sealed class AppServicesOnly(IServiceProvider host) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType.Assembly == typeof(CaseDesk).Assembly ? host.GetService(serviceType) : null;
    }

    public async Task<Actor> ActorAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByEmailAsync(email)
            ?? throw new InvalidOperationException($"No demo account {email}.");
        return new Actor(user.Id, user.NameOrEmail, user.Email!);
    }

    /// <summary>
    /// A case from a demo customer's address through the real intake, a booking link for a 30-minute call with the
    /// demo Tier 2 engineer mailed by Tina Tier1, and that link's token.
    /// </summary>
    public async Task<(SupportCase Case, string Token)> CaseWithBookingLinkAsync()
    {
        var intake = await Get<CaseIntake>().AcceptAsync(new IntakeRequest(CaseChannel.Email, $"user-{Guid.NewGuid():N}@acme.example", "Ann Archer",
            $"Export fails {Guid.NewGuid().ToString("N")[..6]}", "The nightly export stops half-way.", CaseSeverity.Normal));
        var engineer = await ActorAsync(Engineer.Email);
        var sent = await Get<BookingLinks>().SendAsync(intake.Case.Id, engineer.UserId, TimeSpan.FromMinutes(30), await ActorAsync("tier1@supportconsole.local"));
        Assert.True(sent.Succeeded, sent.Message);
        await using var db = await Get<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        var linkId = await db.BookingLinks.AsNoTracking().Where(l => l.CaseId == intake.Case.Id).Select(l => l.Id).SingleAsync();
        return (intake.Case, Get<BookingLinks>().TokenOf(linkId));
    }
}
