using System.Text;
using Microsoft.EntityFrameworkCore;

namespace SupportConsole.Data;

/// <summary>
/// Case search on PostgreSQL: words are matched against the <c>tsvector</c> of table <c>CaseSearch</c> (one row per
/// case: subject weighted A, sender B, thread C; kept in step with Cases and CaseEntries by triggers, see
/// <see cref="PostgreSqlSearchSql"/>) through its GIN index; filters and order use the Cases table. Text on both sides
/// goes through the same <c>case_search_words</c> function (lower case, accents off, anything but letters and digits
/// is a space), so words match as they do on SQLite's FTS5 with unicode61. The text is only ever a parameter and
/// <c>plainto_tsquery</c> reads it as plain words, every one required. Relevance is <c>ts_rank</c>.
/// </summary>
public sealed class PostgreSqlCaseSearchIndex(IDbContextFactory<SupportConsoleDbContext> dbFactory) : ICaseSearchIndex
{
    public async Task<CaseSearchPage> SearchAsync(CaseSearchCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var hasWords = CaseSearchText.ToMatchQuery(criteria.Text) is not null;
        if (criteria.Text is not null && !string.IsNullOrWhiteSpace(criteria.Text) && !hasWords)
        {
            return new CaseSearchPage(0, []); // only punctuation: no word to find
        }
        var from = new StringBuilder(hasWords
            ? """FROM "CaseSearch" s JOIN "Cases" c ON c."Id" = s."CaseId", plainto_tsquery('simple', case_search_words(@words)) q"""
            : """FROM "Cases" c""");
        var where = new List<string>();
        var parameters = new List<(string Name, object Value)>();
        if (hasWords)
        {
            where.Add("""s."Document" @@ q""");
            parameters.Add(("@words", criteria.Text!));
        }
        void Filter(string sql, string name, object? value)
        {
            if (value is not null)
            {
                where.Add(sql);
                parameters.Add((name, value));
            }
        }
        Filter("""c."Status" = @status""", "@status", criteria.Status is { } status ? (int)status : null);
        Filter("""c."Queue" = @queue""", "@queue", criteria.Queue is { } queue ? (int)queue : null);
        Filter("""c."Tier" = @tier""", "@tier", criteria.Tier is { } tier ? (int)tier : null);
        Filter("""c."AssigneeId" = @assignee""", "@assignee", criteria.AssigneeId);
        Filter("""c."CustomerId" = @customer""", "@customer", criteria.CustomerId);
        Filter("""c."ReceivedAtUtc" >= @receivedFrom""", "@receivedFrom", criteria.ReceivedFromUtc?.UtcDateTime);
        Filter("""c."ReceivedAtUtc" < @receivedTo""", "@receivedTo", criteria.ReceivedToUtc?.UtcDateTime);
        if (where.Count > 0)
        {
            from.Append(" WHERE ").AppendJoin(" AND ", where);
        }
        var order = criteria.Sort switch
        {
            CaseSearchSort.Oldest => """c."ReceivedAtUtc", c."Id" """,
            CaseSearchSort.Relevance when hasWords => """ts_rank(s."Document", q) DESC, c."ReceivedAtUtc" DESC, c."Id" DESC""",
            _ => """c."ReceivedAtUtc" DESC, c."Id" DESC""",
        };

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await CaseSearchPaging.PageAsync(db, from.ToString(), order, parameters, criteria, cancellationToken);
    }
}
