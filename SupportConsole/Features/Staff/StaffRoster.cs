using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Staffing;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.OutgoingMail;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Staff;

/// <summary>
/// The desk's people as the Tier 2-3 desk sees them: roles, capacity, weekly hours, time off, open escalations and
/// load, and who should take the next escalation of a tier (<see cref="AssignmentRule"/>). Creating someone sends an
/// invitation with a link to set their own password: no password ever travels through the API.
/// </summary>
public sealed class StaffRoster(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    IServiceScopeFactory scopes,
    BusinessCalendar calendar,
    Outbox outbox,
    AppLinks links,
    TimeProvider clock)
{
    /// <summary>How far ahead an engineer's next working instant is looked for.</summary>
    public static readonly TimeSpan AvailabilityHorizon = TimeSpan.FromDays(30);

    public const int MaxCapacity = 100;

    public async Task<IReadOnlyList<StaffMember>> ListAsync(SupportTier? tier = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var userRoles = (await db.UserRoles.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(ur => ur.UserId, ur => roleNames.GetValueOrDefault(ur.RoleId, "?"));
        var users = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ToListAsync(cancellationToken);
        var profiles = await db.StaffProfiles.AsNoTracking().Include(p => p.TimeOff).ToDictionaryAsync(p => p.UserId, cancellationToken);
        var loads = await LoadsAsync(db, cancellationToken);
        var members = new List<StaffMember>();
        foreach (var user in users)
        {
            var roles = Roles.All.Where(r => userRoles[user.Id].Contains(r)).ToList();
            if (tier is { } wanted && !roles.Contains(RoleOf(wanted)))
            {
                continue;
            }
            members.Add(Member(user, roles, profiles.GetValueOrDefault(user.Id), loads.GetValueOrDefault(user.Id), now));
        }
        return members;
    }

    public async Task<StaffMember?> FindAsync(string email, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken: cancellationToken)).FirstOrDefault(m => string.Equals(m.Email, email.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The role that makes someone an engineer of a tier.</summary>
    public static string RoleOf(SupportTier tier) => tier switch
    {
        SupportTier.Tier1 => Roles.Tier1,
        SupportTier.Tier2 => Roles.Tier2,
        _ => Roles.Tier3,
    };

    /// <summary>Checks what a manager or the API sent; field names as the API spells them.</summary>
    public static Dictionary<string, string[]> Check(string? email, string? displayName, IReadOnlyList<string>? roles, int? capacity)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(email) || !Domain.Intake.EmailAddress.TryParse(email, out _, out _))
        {
            errors["email"] = ["Give the person's email address, like bea@vendor.example."];
        }
        if (displayName is { Length: > 200 })
        {
            errors["displayName"] = ["A display name has at most 200 characters."];
        }
        if (roles?.Except(Roles.All).ToList() is { Count: > 0 } unknown)
        {
            errors["roles"] = [$"Unknown role(s): {string.Join(", ", unknown)}. Use {string.Join(", ", Roles.All)}."];
        }
        if (capacity is < 1 or > MaxCapacity)
        {
            errors["capacity"] = [$"Capacity is the number of open escalations at which someone takes no more: 1 to {MaxCapacity}."];
        }
        return errors;
    }

    /// <summary>Creates or updates a person. A new account has no password: an invitation mail carries a link to set one.</summary>
    public async Task<(bool Created, StaffMember Member)> SaveAsync(string email, StaffInput input, CancellationToken cancellationToken = default)
    {
        var address = email.Trim();
        var created = false;
        string userId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>();
            var user = await users.FindByEmailAsync(address);
            if (user is null)
            {
                user = new AgentUser { UserName = address, Email = address, DisplayName = input.DisplayName.Trim(), EmailConfirmed = true, LockoutEnabled = true };
                Throw(await users.CreateAsync(user));
                created = true;
            }
            else if (user.DisplayName != input.DisplayName.Trim() && input.DisplayName.Trim().Length > 0)
            {
                user.DisplayName = input.DisplayName.Trim();
                Throw(await users.UpdateAsync(user));
            }
            var current = await users.GetRolesAsync(user);
            var wanted = input.Roles.Intersect(Roles.All).ToList();
            if (!current.ToHashSet().SetEquals(wanted))
            {
                Throw(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
                Throw(await users.AddToRolesAsync(user, wanted.Except(current)));
                // Demoted people lose access at the next revalidation.
                Throw(await users.UpdateSecurityStampAsync(user));
            }
            userId = user.Id;
            if (created)
            {
                var token = await users.GeneratePasswordResetTokenAsync(user);
                await InviteAsync(user, token, cancellationToken);
            }
        }
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var profile = await db.StaffProfiles.Include(p => p.TimeOff).FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
            if (profile is null)
            {
                profile = new StaffProfile { UserId = userId };
                db.StaffProfiles.Add(profile);
            }
            profile.Capacity = input.Capacity;
            profile.HoursJson = JsonSerializer.Serialize(input.Hours.ToApi());
            db.StaffTimeOff.RemoveRange(profile.TimeOff);
            profile.TimeOff = [.. input.TimeOff.Select(t => new StaffTimeOff { UserId = userId, FromUtc = t.From.UtcDateTime, ToUtc = t.To.UtcDateTime, Reason = t.Reason.Trim() })];
            await db.SaveChangesAsync(cancellationToken);
        }
        TimeOffChanged?.Invoke(userId);
        return (created, (await ListAsync(cancellationToken: cancellationToken)).First(m => m.UserId == userId));
    }

    /// <summary>Adds time off to someone; their unstarted escalations are then re-assigned by the same rule.</summary>
    public async Task<string?> AddTimeOffAsync(string userId, DateTimeOffset from, DateTimeOffset to, string reason, CancellationToken cancellationToken = default)
    {
        if (to <= from)
        {
            return "Time off must end after it starts.";
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 200)
        {
            return "Say why, in at most 200 characters (\"sick\", \"vacation\").";
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return "That person no longer exists. Reload the page.";
        }
        await EnsureProfileAsync(db, userId, cancellationToken);
        db.StaffTimeOff.Add(new StaffTimeOff { UserId = userId, FromUtc = from.UtcDateTime, ToUtc = to.UtcDateTime, Reason = reason.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        TimeOffChanged?.Invoke(userId);
        return null;
    }

    public async Task RemoveTimeOffAsync(long timeOffId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.StaffTimeOff.Where(t => t.Id == timeOffId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Sets capacity and weekly hours from the staff page.</summary>
    public async Task SetScheduleAsync(string userId, int capacity, WeeklyHours hours, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var profile = await EnsureProfileAsync(db, userId, cancellationToken);
        profile.Capacity = Math.Clamp(capacity, 1, MaxCapacity);
        profile.HoursJson = JsonSerializer.Serialize(hours.ToApi());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Raised after someone's time off changed (the escalations desk re-assigns what they had not started).</summary>
    public event Action<string>? TimeOffChanged;

    /// <summary>
    /// Who of the tier should take the next escalation now: the engineer who can start first, among those under
    /// capacity; then the lowest load, the least recently assigned, the name. Reads inside the caller's context.
    /// </summary>
    public async Task<AssignmentDecision> ChooseEngineerAsync(SupportConsoleDbContext db, SupportTier tier, DateTimeOffset now, string? excludingUserId = null,
        CancellationToken cancellationToken = default, long? ignoringEscalationId = null)
    {
        var role = RoleOf(tier);
        var engineers = await db.ActiveUsersInRole(role).AsNoTracking().ToListAsync(cancellationToken);
        var ids = engineers.Select(e => e.Id).ToList();
        var profiles = await db.StaffProfiles.AsNoTracking().Include(p => p.TimeOff).Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        var loads = await LoadsAsync(db, cancellationToken, ignoringEscalationId);
        var candidates = engineers.Where(e => e.Id != excludingUserId).Select(e =>
        {
            var profile = profiles.GetValueOrDefault(e.Id);
            var (open, load) = loads.GetValueOrDefault(e.Id);
            return new EngineerCandidate(e.Id, e.NameOrEmail, EngineerAvailability.EarliestStart(calendar.Current, tier, ScheduleOf(profile), now, AvailabilityHorizon),
                open, profile?.Capacity ?? StaffProfile.DefaultCapacity, load, profile?.LastAssignedAtUtc.AsInstant());
        }).ToList();
        return AssignmentRule.Choose(candidates, tier, now);
    }

    /// <summary>When an engineer can next start work in the tier's window, from their hours and time off (null: not within the horizon).</summary>
    public async Task<DateTimeOffset?> EarliestStartAsync(SupportConsoleDbContext db, string userId, SupportTier tier, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var profile = await db.StaffProfiles.AsNoTracking().Include(p => p.TimeOff).FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        return EngineerAvailability.EarliestStart(calendar.Current, tier, ScheduleOf(profile), now, AvailabilityHorizon);
    }

    /// <summary>An engineer's hours and time off as the rules read them; no profile means the whole Tier 2-3 window.</summary>
    public EngineerSchedule ScheduleOf(StaffProfile? profile) => new(
        HoursOf(profile),
        profile?.TimeOff.Select(t => new TimeOff(t.FromUtc.AsInstant(), t.ToUtc.AsInstant(), t.Reason)).ToList() ?? []);

    private WeeklyHours HoursOf(StaffProfile? profile)
    {
        var window = calendar.Current.Tier23Hours;
        if (profile is null || string.IsNullOrWhiteSpace(profile.HoursJson))
        {
            return WeeklyHours.WholeWindow(window);
        }
        var days = JsonSerializer.Deserialize<Dictionary<string, string[]>>(profile.HoursJson);
        // Hours saved under an earlier, wider window are read as the whole window rather than refused.
        return WeeklyHours.TryParse(days, window, out var hours, out _) ? hours : WeeklyHours.WholeWindow(window);
    }

    /// <summary>Open escalations and severity-weighted load per assignee.</summary>
    public static async Task<Dictionary<string, (int Open, int Load)>> LoadsAsync(SupportConsoleDbContext db, CancellationToken cancellationToken, long? ignoringEscalationId = null)
    {
        var rows = await (from e in db.Escalations.AsNoTracking()
                          join c in db.Cases on e.CaseId equals c.Id
                          where e.EndedAtUtc == null && e.AssigneeId != null && e.Id != ignoringEscalationId
                                && (c.Status == CaseStatus.Open || c.Status == CaseStatus.WaitingOnCustomer)
                          group c.Severity by e.AssigneeId into g
                          select new { AssigneeId = g.Key!, Severities = g.ToList() }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.AssigneeId, r => (r.Severities.Count, r.Severities.Sum(AssignmentRule.Weight)));
    }

    private StaffMember Member(AgentUser user, IReadOnlyList<string> roles, StaffProfile? profile, (int Open, int Load) load, DateTimeOffset now)
    {
        var schedule = ScheduleOf(profile);
        var tier = roles.Contains(Roles.Tier3) ? SupportTier.Tier3 : SupportTier.Tier2;
        var next = EngineerAvailability.EarliestStart(calendar.Current, tier, schedule, now, AvailabilityHorizon);
        return new StaffMember(user.Id, user.Email ?? user.Id, user.DisplayName, roles, user.IsDisabled, profile?.Capacity ?? StaffProfile.DefaultCapacity,
            schedule.Hours,
            [.. (profile?.TimeOff ?? []).OrderBy(t => t.FromUtc).Select(t => new StaffTimeOffItem(t.Id, t.FromUtc.AsInstant(), t.ToUtc.AsInstant(), t.Reason))],
            load.Open, load.Load, next is { } at && at <= now, next);
    }

    /// <summary>
    /// The person's profile, created (and saved at once) when they have none. Another writer may create it at the same
    /// moment (a booking locks the engineer's row, a reassignment after time off touches the next engineer): the unique
    /// index lets one insert win, and the loser uses the winner's row.
    /// </summary>
    private static async Task<StaffProfile> EnsureProfileAsync(SupportConsoleDbContext db, string userId, CancellationToken cancellationToken)
    {
        if (await db.StaffProfiles.FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken) is { } existing)
        {
            return existing;
        }
        var profile = new StaffProfile { UserId = userId };
        db.StaffProfiles.Add(profile);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return profile;
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.Entry(profile).State = EntityState.Detached;
            return await db.StaffProfiles.FirstAsync(p => p.UserId == userId, cancellationToken);
        }
    }

    private async Task InviteAsync(AgentUser user, string token, CancellationToken cancellationToken)
    {
        var link = links.Absolute($"/account/set-password?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}");
        var now = clock.GetUtcNow();
        var mail = outbox.Compose(OutboxKind.Invitation, user.Email!, "You are invited to the SupportConsole desk",
            $"Hello {user.NameOrEmail},\n\nAn account on the SupportConsole support desk was created for you.\n" +
            $"Choose your password here (the link works once):\n\n{link}\n\nThen sign in at {links.Absolute("/account/login")}.\n\nSupportConsole", now);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Outbox.Add(mail);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Dispatch([mail]);
    }

    private static void Throw(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new StaffSaveException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
