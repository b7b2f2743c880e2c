using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SupportConsole.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context PostgreSqlDbContext</c> build the PostgreSQL model without a server
/// (adding a migration never connects).
/// </summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlDbContext>
{
    public PostgreSqlDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql("Host=localhost;Database=supportconsole_design").Options);
}
