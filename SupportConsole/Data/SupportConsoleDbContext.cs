using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace SupportConsole.Data;

public sealed class SupportConsoleDbContext(DbContextOptions<SupportConsoleDbContext> options)
    : IdentityDbContext<AgentUser>(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<OriginationListEntry> OriginationListEntries => Set<OriginationListEntry>();
    public DbSet<StoredHoliday> Holidays => Set<StoredHoliday>();
    public DbSet<HolidaySeedYear> HolidaySeedYears => Set<HolidaySeedYear>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SupportConsoleDbContext).Assembly);
    }
}
