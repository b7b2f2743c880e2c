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
        var from = new StringBuilder(match is null ? "FROM Cases c" : "FROM CaseSearch JOIN Cases c ON c.Id = CaseSearch.rowid");
        var where = new List<string>();
        var parameters = new List<(string Name, object Value)>();
        if (match is not null)
        {
            where.Add("CaseSearch MATCH @match");
            parameters.Add(("@match", match));
        }
        if (criteria.Status is { } status)
        {
            where.Add("c.Status = @status");
            parameters.Add(("@status", (int)status));
        }
        if (criteria.Queue is { } queue)
        {
            where.Add("c.Queue = @queue");
            parameters.Add(("@queue", (int)queue));
        }
        if (criteria.Tier is { } tier)
        {
            where.Add("c.Tier = @tier");
            parameters.Add(("@tier", (int)tier));
        }
        if (criteria.AssigneeId is { } assignee)
        {
            where.Add("c.AssigneeId = @assignee");
            parameters.Add(("@assignee", assignee));
        }
        if (criteria.CustomerId is { } customer)
        {
            where.Add("c.CustomerId = @customer");
            parameters.Add(("@customer", customer));
        }
        if (criteria.ReceivedFromUtc is { } receivedFrom)
        {
            where.Add("c.ReceivedAtUtc >= @receivedFrom");
            parameters.Add(("@receivedFrom", SlaReportQueries.StoredInstant(receivedFrom)));
        }
        if (criteria.ReceivedToUtc is { } receivedTo)
        {
            where.Add("c.ReceivedAtUtc < @receivedTo");
            parameters.Add(("@receivedTo", SlaReportQueries.StoredInstant(receivedTo)));
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
        return await CaseSearchPaging.PageAsync(db, from.ToString(), order, parameters, criteria, cancellationToken);
    }
}
