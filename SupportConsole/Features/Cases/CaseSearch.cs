using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;

namespace SupportConsole.Features.Cases;

/// <summary>
/// Finding any case: reads a search as typed (API query string or the page's address) into criteria with a message
/// per bad field, asks the search index (the data seam, <see cref="ICaseSearchIndex"/>) for a page of case ids, and
/// reads those cases for the API or the page.
/// </summary>
public sealed class CaseSearch(ICaseSearchIndex index, IDbContextFactory<SupportConsoleDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// The criteria of a search, or the per-field messages when a value is not valid. <paramref name="meUserId"/> is the
    /// signed-in agent that <c>assignee=me</c> stands for (none on the API).
    /// </summary>
    public async Task<(CaseSearchCriteria? Criteria, Dictionary<string, string[]> Errors)> ParseAsync(CaseSearchRequest request, string? meUserId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var text = string.IsNullOrWhiteSpace(request.Q) ? null : request.Q.Trim();
        if (text is { Length: > CaseSearchText.MaxLength })
        {
            errors["q"] = [$"Search text is at most {CaseSearchText.MaxLength} characters."];
        }
        CaseStatus? status = null;
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            if (CaseStatusNames.TryParseApiName(request.Status, out var s)) { status = s; }
            else { errors["status"] = ["Status is open, waiting-on-customer, resolved or closed."]; }
        }
        CaseQueue? queue = null;
        if (!string.IsNullOrWhiteSpace(request.Queue))
        {
            if (CaseQueueNames.TryParseApiName(request.Queue, out var q)) { queue = q; }
            else { errors["queue"] = ["Queue is priority or standard."]; }
        }
        SupportTier? tier = null;
        if (!string.IsNullOrWhiteSpace(request.Tier))
        {
            if (int.TryParse(request.Tier.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && SupportTiers.TryFromNumber(n, out var t)) { tier = t; }
            else { errors["tier"] = ["Tier is 1, 2 or 3."]; }
        }
        long? customerId = null;
        if (!string.IsNullOrWhiteSpace(request.CustomerId))
        {
            if (long.TryParse(request.CustomerId.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) { customerId = id; }
            else { errors["customerId"] = ["customerId is a customer's id, a positive whole number."]; }
        }
        var from = Date(request.From, "from", errors);
        var to = Date(request.To, "to", errors);
        if (from is { } f && to is { } t2 && t2 < f)
        {
            errors["to"] = ["'to' is on or after 'from'."];
        }
        var sort = CaseSearchSort.Newest;
        switch (request.Sort?.Trim().ToLowerInvariant())
        {
            case null or "" or "newest":
                break;
            case "oldest":
                sort = CaseSearchSort.Oldest;
                break;
            case "relevance" when text is not null:
                sort = CaseSearchSort.Relevance;
                break;
            case "relevance":
                errors["sort"] = ["Sort by relevance needs search text (q)."];
                break;
            default:
                errors["sort"] = ["Sort is newest, oldest or relevance."];
                break;
        }
        var page = Whole(request.Page, "page", 1, int.MaxValue / CaseSearchCriteria.MaxPageSize, 1, errors);
        var pageSize = Whole(request.PageSize, "pageSize", 1, CaseSearchCriteria.MaxPageSize, CaseSearchCriteria.DefaultPageSize, errors);
        string? assigneeId = null;
        if (!string.IsNullOrWhiteSpace(request.Assignee))
        {
            var wanted = request.Assignee.Trim();
            if (wanted.Equals("me", StringComparison.OrdinalIgnoreCase) && meUserId is not null)
            {
                assigneeId = meUserId;
            }
            else
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var normalized = wanted.ToUpperInvariant();
                assigneeId = await db.Users.AsNoTracking().Where(u => u.Id == wanted || u.NormalizedEmail == normalized).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
                if (assigneeId is null)
                {
                    errors["assignee"] = [$"'{Shorten(wanted)}' is not an agent's user id or email."];
                }
            }
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new CaseSearchCriteria(text, status, queue, tier, assigneeId, customerId,
            from is { } start ? CentralMidnight(start) : null, to is { } end ? CentralMidnight(end.AddDays(1)) : null,
            sort, page, pageSize), errors);
    }

    /// <summary>A page of cases in the API's shape.</summary>
    public async Task<CaseSearchResultsDto> ForApiAsync(CaseSearchCriteria criteria, CancellationToken cancellationToken = default)
    {
        var found = await index.SearchAsync(criteria, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cases = await InOrderAsync(db, found.CaseIds, includeCustomer: false, cancellationToken);
        return new CaseSearchResultsDto(found.Total, await CaseDto.ListAsync(db, cases, clock.GetUtcNow(), cancellationToken));
    }

    /// <summary>A page of cases for the search page, with customer and assignee names.</summary>
    public async Task<CaseSearchResults> ForPageAsync(CaseSearchCriteria criteria, CancellationToken cancellationToken = default) =>
        await RowsAsync(await index.SearchAsync(criteria, cancellationToken), cancellationToken);

    /// <summary>How many cases a search finds, counted by the index (a COUNT, one id read at most).</summary>
    public async Task<long> CountAsync(CaseSearchCriteria criteria, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return (await index.SearchAsync(criteria with { Page = 1, PageSize = 1, Sort = CaseSearchSort.Newest }, cancellationToken)).Total;
    }

    /// <summary>A found page of case ids as the search page's rows, with customer and assignee names.</summary>
    public async Task<CaseSearchResults> RowsAsync(CaseSearchPage found, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(found);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cases = await InOrderAsync(db, found.CaseIds, includeCustomer: true, cancellationToken);
        var assigneeIds = cases.Select(c => c.AssigneeId).OfType<string>().Distinct().ToList();
        var names = assigneeIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => assigneeIds.Contains(u.Id))
                .ToDictionaryAsync(u => u.Id, u => u.DisplayName != "" ? u.DisplayName : u.Email ?? u.Id, cancellationToken);
        return new CaseSearchResults(found.Total, [.. cases.Select(c => new CaseSearchRow(
            c.Number, c.Subject, c.Customer?.Name, SenderOf(c),
            c.Status, c.Queue, c.Tier, (c.AssigneeId is { } a ? names.GetValueOrDefault(a) : null), c.ReceivedAt, c.CustomerRepliedAtUtc is not null && c.IsOpen))]);
    }

    /// <summary>The customers to filter by, by name.</summary>
    public async Task<IReadOnlyList<(long Id, string Name)>> CustomersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customers = await db.Customers.AsNoTracking().Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        return [.. customers.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Select(c => (c.Id, c.Name))];
    }

    /// <summary>The case number a search text is, when it is one (SC-100042 or 100042): the search goes straight to that case.</summary>
    public static bool TryCaseNumber(string? text, out long number) => CaseNumber.TryParseReference(text?.Trim(), out number);

    private static async Task<List<SupportCase>> InOrderAsync(SupportConsoleDbContext db, IReadOnlyList<long> ids, bool includeCustomer, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var query = db.Cases.AsNoTracking().Where(c => ids.Contains(c.Id));
        if (includeCustomer)
        {
            query = query.Include(c => c.Customer);
        }
        var byId = await query.ToDictionaryAsync(c => c.Id, cancellationToken);
        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }

    private static string SenderOf(SupportCase c) => string.IsNullOrWhiteSpace(c.FromName) ? c.FromAddress : $"{c.FromName} <{c.FromAddress}>";

    private static DateTimeOffset CentralMidnight(DateOnly date) =>
        DateTimeOffset.FromUnixTimeSeconds(TierCalendar.CentralZone.AtStartOfDay(NodaTime.LocalDate.FromDateOnly(date)).ToInstant().ToUnixTimeSeconds());

    private static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date >= TierCalendar.MinDate && date <= TierCalendar.MaxDate)
        {
            return date;
        }
        errors[field] = [$"'{field}' is a date like 2026-11-25, between {TierCalendar.MinDate:yyyy-MM-dd} and {TierCalendar.MaxDate:yyyy-MM-dd}."];
        return null;
    }

    private static int Whole(string? text, string field, int min, int max, int fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }
        errors[field] = [$"'{field}' is a whole number from {min} to {max}."];
        return fallback;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
