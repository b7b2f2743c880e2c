using Hangfire;
using Hangfire.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Escalations;
using SupportConsole.Features.Intake;
using SupportConsole.Features.Staff;
using SupportConsole.Hosting;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Escalations;

/// <summary>
/// One Development host (demo accounts and customers, no demo cases) for a whole test class of the Tier 2-3 desk, on a
/// fake clock that starts every test at <see cref="Start"/>. What <see cref="SeedAsync"/> adds (engineers, time off)
/// is part of the snapshot <see cref="ResetAsync"/> restores, so every test starts from the same desk. Hangfire's
/// recurring jobs are never registered: the minutely escalation job would otherwise record pickups and assign waiting
/// escalations behind the tests' backs; the tests call those services themselves.
/// </summary>
public abstract class EngineeringDeskHost : IAsyncLifetime
{
    /// <summary>Wednesday 2027-02-17 09:00 Central: the Tier 2-3 window (09:00–17:00) has just opened.</summary>
    public static readonly DateTimeOffset Start = new(2027, 2, 17, 15, 0, 0, TimeSpan.Zero);

    private readonly ResettableClock clock = new(Start);

    protected EngineeringDeskHost(IDictionary<string, string?>? settings = null) =>
        App = new AppFactory(settings: settings)
        {
            ConfigureServices = services =>
            {
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
                services.Replace(ServiceDescriptor.Singleton<IRecurringJobManager>(new NoRecurringJobs()));
                Configure(services);
            },
        };

    public AppFactory App { get; }

    /// <summary>The current test's clock (a fresh one at <see cref="Start"/> after each <see cref="ResetAsync"/>).</summary>
    public FakeTimeProvider Clock => clock.Current;

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public CaseDesk Desk => Get<CaseDesk>();

    public StaffRoster Roster => Get<StaffRoster>();

    public Actor Tina { get; private set; } = null!;

    public Actor Maria { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _ = App.Services; // start the host: migrations, roles, demo accounts and customers
        Tina = await ActorAsync("tier1@supportconsole.local");
        Maria = await ActorAsync("manager@supportconsole.local");
        await SeedAsync();
        await App.ResetAsync(); // the first reset keeps this state aside; each later one restores it
    }

    /// <summary>Further service replacements of a class's host.</summary>
    protected virtual void Configure(IServiceCollection services)
    {
    }

    /// <summary>What the class adds to the demo desk before the snapshot.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    /// <summary>Back to the seeded desk, with a fresh clock at <see cref="Start"/>.</summary>
    public async Task ResetAsync()
    {
        clock.Reset(Start);
        await App.ResetAsync();
    }

    public async Task<SupportConsoleDbContext> DbAsync() =>
        await Get<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();

    public HttpClient Api() => ApiClient.Create(App);

    public async Task<Actor> ActorAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        return Actors.Of(await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}."));
    }

    /// <summary>An active account with a password-less login and the given roles (no staff profile: the whole window, capacity 8).</summary>
    protected async Task<Actor> CreateUserAsync(string email, string name, params string[] roles)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        var user = new AgentUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var created = await users.CreateAsync(user);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        var added = await users.AddToRolesAsync(user, roles);
        Assert.True(added.Succeeded, string.Join("; ", added.Errors.Select(e => e.Description)));
        return Actors.Of(user);
    }

    /// <summary>The active accounts holding any of the roles, each once.</summary>
    public async Task<IReadOnlyList<Actor>> UsersInRolesAsync(params string[] roles)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
        var found = new Dictionary<string, Actor>();
        foreach (var role in roles)
        {
            foreach (var user in await users.GetUsersInRoleAsync(role))
            {
                if (!user.IsDisabled)
                {
                    found.TryAdd(user.Id, Actors.Of(user));
                }
            }
        }
        return [.. found.Values];
    }

    /// <summary>A fresh Pro Plus case (acme.example is a demo customer) from a sender of its own, opened through intake.</summary>
    public async Task<SupportCase> OpenCaseAsync(CaseSeverity severity = CaseSeverity.Normal, string? subject = null)
    {
        var sender = $"user-{Guid.NewGuid():N}@acme.example";
        var result = await Get<CaseIntake>().AcceptAsync(new IntakeRequest(
            CaseChannel.Email, sender, "Ann Archer", subject ?? $"Export fails {Guid.NewGuid():N}", "The nightly export stops half-way.", severity));
        Assert.True(result.Created);
        return await CaseAsync(result.Case.Id);
    }

    public async Task<SupportCase> CaseAsync(long id)
    {
        await using var db = await DbAsync();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    public static string Number(SupportCase supportCase) => CaseNumber.Format(supportCase.Number);

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        await App.DisposeAsync();
    }

    /// <summary>Registers nothing: these hosts run no recurring job.</summary>
    private sealed class NoRecurringJobs : IRecurringJobManager
    {
        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options)
        {
        }

        public void Trigger(string recurringJobId)
        {
        }

        public void RemoveIfExists(string recurringJobId)
        {
        }
    }
}

/// <summary>
/// The Tier 2-3 desk for <see cref="EscalationDeskTests"/>: two Tier 2 engineers (Alma, Bruno) and one Tier 3 (Tess)
/// of the tests' own. Everyone else who holds Tier 2 or 3 (the demo engineers, and the demo admin, who holds every
/// role) is on a year's leave, so the rule never picks them — but they keep their roles, so pickup alerts still reach them.
/// <para>The escalation subscriptions listen to a notifier of their own here, which nobody publishes to: a hand-back
/// or escalation does not start <see cref="EscalationClock.AssignWaitingAsync"/> in the background, so the tests
/// call it themselves and see exactly what it does. (Two runs at once can undo each other's assignment; see the
/// report.) Time-off changes still reach them through the real <see cref="StaffRoster"/>.</para>
/// </summary>
public sealed class EscalationDeskFixture : EngineeringDeskHost
{
    public Actor Alma { get; private set; } = null!;
    public Actor Bruno { get; private set; } = null!;
    public Actor Tess { get; private set; } = null!;

    /// <summary>Everyone else who holds Tier 2 or Tier 3 (the demo engineers and the admin, whatever the demo seeds): on leave all year.</summary>
    public IReadOnlyList<Actor> OnLeave { get; private set; } = [];

    protected override void Configure(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton(sp => new EscalationSubscriptions(
            new CaseChangeNotifier(sp.GetRequiredService<ILogger<CaseChangeNotifier>>()),
            sp.GetRequiredService<StaffRoster>(),
            sp.GetRequiredService<EscalationClock>(),
            sp.GetRequiredService<IBackgroundJobClient>(),
            sp.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>(),
            sp.GetRequiredService<ILogger<EscalationSubscriptions>>())));

    protected override async Task SeedAsync()
    {
        Alma = await CreateUserAsync("alma@supportconsole.local", "Alma Able", Roles.Tier2);
        Bruno = await CreateUserAsync("bruno@supportconsole.local", "Bruno Baker", Roles.Tier2);
        Tess = await CreateUserAsync("tess@supportconsole.local", "Tess Third", Roles.Tier3);
        var onLeave = new List<Actor>();
        foreach (var user in await UsersInRolesAsync(Roles.Tier2, Roles.Tier3))
        {
            if (user.UserId == Alma.UserId || user.UserId == Bruno.UserId || user.UserId == Tess.UserId)
            {
                continue;
            }
            Assert.Null(await Roster.AddTimeOffAsync(user.UserId, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero), "sabbatical (kept out of these tests)"));
            onLeave.Add(user);
        }
        OnLeave = onLeave;
    }
}
