using System.Data.Common;
using System.Globalization;

namespace SupportConsole.Data;

/// <summary>
/// What both search indexes do once they have written their FROM/WHERE and ORDER BY: count the matches, then read the
/// page's case ids (skipped when the page lies past the end). Parameters are named <c>@name</c>, which both providers
/// take; the page's own are <c>@take</c> and <c>@skip</c>.
/// </summary>
internal static class CaseSearchPaging
{
    public static async Task<CaseSearchPage> PageAsync(SupportConsoleDbContext db, string from, string order, IReadOnlyList<(string Name, object Value)> parameters,
        CaseSearchCriteria criteria, CancellationToken cancellationToken)
    {
        var pageSize = Math.Clamp(criteria.PageSize, 1, CaseSearchCriteria.MaxPageSize);
        var skip = (long)(Math.Max(criteria.Page, 1) - 1) * pageSize;
        long total;
        await using (var count = await CommandAsync(db, $"SELECT COUNT(*) {from}", parameters, cancellationToken))
        {
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        var ids = new List<long>();
        if (total > skip)
        {
            await using var select = await CommandAsync(db, $"""SELECT c."Id" {from} ORDER BY {order} LIMIT @take OFFSET @skip""",
                [.. parameters, ("@take", pageSize), ("@skip", skip)], cancellationToken);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }
        }
        return new CaseSearchPage(total, ids);
    }

    private static async Task<DbCommand> CommandAsync(SupportConsoleDbContext db, string sql, IEnumerable<(string Name, object Value)> parameters, CancellationToken cancellationToken)
    {
        var command = await db.CommandAsync(sql, cancellationToken);
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }
        return command;
    }
}
