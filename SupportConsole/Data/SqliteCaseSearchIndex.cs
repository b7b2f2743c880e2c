using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace SupportConsole.Data;

/// <summary>
/// Case search on SQLite: words are matched by the FTS5 table <c>CaseSearch</c> (one row per case, rowid = case id;
/// columns Subject, Sender and Thread, kept in step with Cases and CaseEntries by triggers, see the CaseSearch
/// migration), filters and order by the Cases table and its indexes. The text is only ever a parameter, quoted word by
/// word (<see cref="CaseSearchText"/>). Relevance is FTS5's bm25, a subject word weighing most.
/// </summary>
public sealed class SqliteCaseSearchIndex(IDbContextFactory<SupportConsoleDbContext> dbFactory) : ICaseSearchIndex
{
    public async Task<CaseSearchPage> SearchAsync(CaseSearchCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var match = CaseSearchText.ToMatchQuery(criteria.Text);
        if (criteria.Text is not null && !string.IsNullOrWhiteSpace(criteria.Text) && match is null)
        {
            return new CaseSearchPage(0, []); // only punctuation: no word to find
        }
        var pageSize = Math.Clamp(criteria.PageSize, 1, CaseSearchCriteria.MaxPageSize);
        var page = Math.Max(criteria.Page, 1);
        var from = new StringBuilder(match is null ? "FROM Cases c" : "FROM CaseSearch JOIN Cases c ON c.Id = CaseSearch.rowid");
        var where = new List<string>();
        var parameters = new List<(string Name, object Value)>();
        if (match is not null)
        {
            where.Add("CaseSearch MATCH $match");
            parameters.Add(("$match", match));
        }
        if (criteria.Status is { } status)
        {
            where.Add("c.Status = $status");
            parameters.Add(("$status", (int)status));
        }
        if (criteria.Queue is { } queue)
        {
            where.Add("c.Queue = $queue");
            parameters.Add(("$queue", (int)queue));
        }
        if (criteria.Tier is { } tier)
        {
            where.Add("c.Tier = $tier");
            parameters.Add(("$tier", (int)tier));
        }
        if (criteria.AssigneeId is { } assignee)
        {
            where.Add("c.AssigneeId = $assignee");
            parameters.Add(("$assignee", assignee));
        }
        if (criteria.CustomerId is { } customer)
        {
            where.Add("c.CustomerId = $customer");
            parameters.Add(("$customer", customer));
        }
        if (criteria.ReceivedFromUtc is { } receivedFrom)
        {
            where.Add("c.ReceivedAtUtc >= $receivedFrom");
            parameters.Add(("$receivedFrom", SlaReportQueries.StoredInstant(receivedFrom)));
        }
        if (criteria.ReceivedToUtc is { } receivedTo)
        {
            where.Add("c.ReceivedAtUtc < $receivedTo");
            parameters.Add(("$receivedTo", SlaReportQueries.StoredInstant(receivedTo)));
        }
        if (where.Count > 0)
        {
            from.Append(" WHERE ").AppendJoin(" AND ", where);
        }
        var order = criteria.Sort switch
        {
            CaseSearchSort.Oldest => "c.ReceivedAtUtc, c.Id",
            CaseSearchSort.Relevance when match is not null => "bm25(CaseSearch, 4.0, 2.0, 1.0), c.ReceivedAtUtc DESC, c.Id DESC",
            _ => "c.ReceivedAtUtc DESC, c.Id DESC",
        };

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        long total;
        await using (var count = await CommandAsync(db, $"SELECT COUNT(*) {from}", parameters, cancellationToken))
        {
            total = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        var ids = new List<long>();
        if (total > (long)(page - 1) * pageSize)
        {
            await using var select = await CommandAsync(db, $"SELECT c.Id {from} ORDER BY {order} LIMIT $take OFFSET $skip",
                [.. parameters, ("$take", pageSize), ("$skip", (long)(page - 1) * pageSize)], cancellationToken);
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
