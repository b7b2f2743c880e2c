using Microsoft.EntityFrameworkCore;

namespace SupportConsole.Data;

/// <summary>
/// The app's model on PostgreSQL (<c>Database:Provider</c> = <c>PostgreSql</c>), with its migrations in
/// Data/PostgreSqlMigrations. Strings carry no length limit here, as on SQLite (which never enforced one), so a long
/// header that SQLite stored is stored on PostgreSQL too instead of failing the save. PostgreSQL's text cannot hold
/// the NUL character, which mail and forms can carry; it is stored as U+FFFD (the replacement character), so the rest
/// of the text is kept rather than the save refused.
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

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        base.ConfigureConventions(configuration);
        configuration.Properties<string>().HaveConversion<NulFreeText>();
    }

    private sealed class NulFreeText() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<string, string>(
        v => v.Replace('\0', '\uFFFD'),
        v => v);
}
