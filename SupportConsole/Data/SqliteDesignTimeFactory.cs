using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SupportConsole.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add … --context SupportConsoleDbContext</c> build the SQLite model on its own: with a
/// design-time factory for each context, the tools never mistake one provider's context for the other's.
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SupportConsoleDbContext>
{
    public SupportConsoleDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SupportConsoleDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
