using Microsoft.EntityFrameworkCore;

namespace SupportConsole.Data;

/// <summary>
/// The app's model on PostgreSQL (<c>Database:Provider</c> = <c>PostgreSql</c>), with its migrations in
/// Data/PostgreSqlMigrations. Strings carry no length limit here, as on SQLite (which never enforced one), so a long
/// header that SQLite stored is stored on PostgreSQL too instead of failing the save.
/// </summary>
public sealed class PostgreSqlDbContext(DbContextOptions<PostgreSqlDbContext> options) : SupportConsoleDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(t => t.GetProperties()).Where(p => p.ClrType == typeof(string)))
        {
            property.SetMaxLength(null);
        }
    }
}
