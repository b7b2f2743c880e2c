using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Customers;

namespace SupportConsole.Data;

/// <summary>
/// The app's database on SQLite, the embedded default (its migrations are in Data/Migrations). PostgreSQL uses
/// <see cref="PostgreSqlDbContext"/>, the same model with its own migrations; every service asks for this type.
/// </summary>
public class SupportConsoleDbContext : IdentityDbContext<AgentUser>, IDataProtectionKeyContext
{
    public SupportConsoleDbContext(DbContextOptions<SupportConsoleDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's own context type, so its migrations are told apart from SQLite's.</summary>
    protected SupportConsoleDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<OriginationListEntry> OriginationListEntries => Set<OriginationListEntry>();
    public DbSet<StoredHoliday> Holidays => Set<StoredHoliday>();
    public DbSet<HolidaySeedYear> HolidaySeedYears => Set<HolidaySeedYear>();
    public DbSet<SupportCase> Cases => Set<SupportCase>();
    public DbSet<CaseEntry> CaseEntries => Set<CaseEntry>();
    public DbSet<SequenceCounter> SequenceCounters => Set<SequenceCounter>();
    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();
    public DbSet<QuarantinedMessage> Quarantine => Set<QuarantinedMessage>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<AuditEntry> AuditTrail => Set<AuditEntry>();
    public DbSet<ListChangeRequest> ListChangeRequests => Set<ListChangeRequest>();
    public DbSet<SlaEvent> SlaEvents => Set<SlaEvent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<PlanTermEvent> PlanTermEvents => Set<PlanTermEvent>();
    public DbSet<JobRunRecord> JobRuns => Set<JobRunRecord>();
    public DbSet<DeskSetting> DeskSettings => Set<DeskSetting>();
    public DbSet<StaffProfile> StaffProfiles => Set<StaffProfile>();
    public DbSet<StaffTimeOff> StaffTimeOff => Set<StaffTimeOff>();
    public DbSet<Escalation> Escalations => Set<Escalation>();
    public DbSet<Call> Calls => Set<Call>();
    public DbSet<BookingLink> BookingLinks => Set<BookingLink>();
    public DbSet<SenderConfirmation> SenderConfirmations => Set<SenderConfirmation>();
    public DbSet<SavedView> SavedViews => Set<SavedView>();
    public DbSet<Macro> Macros => Set<Macro>();

    /// <summary>Data-protection keys (sign-in cookies, signed links) shared by every instance; used on PostgreSQL.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SupportConsoleDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // SQLite hands DateTime back without a kind; every instant this app stores is UTC, so say so on the way out.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
