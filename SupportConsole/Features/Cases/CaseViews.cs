using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;

namespace SupportConsole.Features.Cases;

/// <summary>
/// The /cases page's views: five built in for the signed-in agent (my open cases, the ones I escalated, the ones
/// waiting on the customer, the ones the customer replied to, and the ones resolved this week) and the agent's own
/// saved searches. Counts are COUNT queries in the database, never rows loaded and counted: a built-in view is a
/// predicate on <c>Cases</c>, a saved view is a stored search run through <see cref="CaseSearch"/>'s criteria and index.
/// A saved view belongs to one agent: only they list, run or delete it, and saving checks their roles as they are now.
/// </summary>
public sealed class CaseViews(IDbContextFactory<SupportConsoleDbContext> dbFactory, CaseSearch search, ActingUser actingUser, TimeProvider clock)
{
    public const string MyOpen = "my-open";
    public const string EscalatedByMe = "escalated-by-me";
    public const string WaitingOnCustomer = "waiting-on-customer";
    public const string CustomerReplied = "customer-replied";
    public const string ResolvedThisWeek = "resolved-this-week";
    public const string SavedPrefix = "saved-";

    /// <summary>Saved views one agent may keep.</summary>
    public const int MaxSavedPerAgent = 50;

    /// <summary>The built-in views in the order the page lists them: key, name and what each shows.</summary>
    public static IReadOnlyList<(string Key, string Name, string Description)> BuiltIn { get; } =
    [
        (MyOpen, "My open", "Open cases assigned to me, waiting on the customer included"),
        (CustomerReplied, "Customer replied", "My open cases the customer wrote into since I last answered or opened them"),
        (WaitingOnCustomer, "Waiting on customer", "My cases answered and waiting on the customer"),
        (EscalatedByMe, "Escalated by me", "Open cases I escalated to Tier 2 or 3 that are still with them"),
        (ResolvedThisWeek, "Resolved this week", "My cases resolved or closed since Monday 00:00 US Central"),
    ];

    /// <summary>Every view of the agent with its count: the built-in ones, then their saved ones by name.</summary>
    public async Task<IReadOnlyList<CaseViewSummary>> ListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var views = new List<CaseViewSummary>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            foreach (var (key, name, description) in BuiltIn)
            {
                views.Add(new CaseViewSummary(key, name, description, await BuiltInQuery(db, key, userId).LongCountAsync(cancellationToken)));
            }
        }
        List<SavedView> mine;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            mine = await db.SavedViews.AsNoTracking().Where(v => v.OwnerUserId == userId).ToListAsync(cancellationToken);
        }
        foreach (var saved in mine.OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase))
        {
            var (criteria, _) = await search.ParseAsync(Request(saved.Query), userId, cancellationToken);
            views.Add(new CaseViewSummary(SavedPrefix + saved.Id.ToString(CultureInfo.InvariantCulture), saved.Name, Describe(saved.Query),
                criteria is null ? 0 : await search.CountAsync(criteria, cancellationToken), saved.Id));
        }
        return views;
    }

    /// <summary>A page of a built-in view's cases, newest first; null when <paramref name="key"/> is not a built-in view.</summary>
    public async Task<CaseSearchResults?> RunBuiltInAsync(string key, string userId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (!BuiltIn.Any(v => v.Key == key))
        {
            return null;
        }
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, CaseSearchCriteria.MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = BuiltInQuery(db, key, userId);
        var total = await query.LongCountAsync(cancellationToken);
        var ordered = key == ResolvedThisWeek
            ? query.OrderByDescending(c => c.ClosedAtUtc).ThenByDescending(c => c.Id)
            : key == CustomerReplied
            ? query.OrderBy(c => c.CustomerRepliedAtUtc).ThenBy(c => c.Id)
            : query.OrderByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Id);
        var ids = await ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(c => c.Id).ToListAsync(cancellationToken);
        return await search.RowsAsync(new CaseSearchPage(total, ids), cancellationToken);
    }

    /// <summary>The agent's saved view, or null when there is none of theirs with that id.</summary>
    public async Task<SavedView?> SavedAsync(string userId, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.SavedViews.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id && v.OwnerUserId == userId, cancellationToken);
    }

    /// <summary>Saves the search (as the page's address carries it) under a name, for this agent only.</summary>
    public async Task<(bool Succeeded, string Message, long? Id)> SaveAsync(string userId, string? name, string? query, CancellationToken cancellationToken = default)
    {
        if (await actingUser.RefusalAsync(userId, ActingUser.DeskRoles, cancellationToken) is { } refusal)
        {
            return (false, refusal, null);
        }
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return (false, "Name the view.", null);
        }
        if (trimmed.Length > SavedViewLimits.NameLength)
        {
            return (false, $"A view's name has at most {SavedViewLimits.NameLength} characters.", null);
        }
        var stored = Normalize(query);
        if (stored.Length > SavedViewLimits.QueryLength)
        {
            return (false, "That search is too long to save.", null);
        }
        var (criteria, errors) = await search.ParseAsync(Request(stored), userId, cancellationToken);
        if (criteria is null)
        {
            return (false, string.Join(" ", errors.Values.SelectMany(m => m)), null);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = await db.SavedViews.Where(v => v.OwnerUserId == userId).ToListAsync(cancellationToken);
        var existing = mine.FirstOrDefault(v => string.Equals(v.Name, trimmed, StringComparison.OrdinalIgnoreCase));
        if (existing is null && mine.Count >= MaxSavedPerAgent)
        {
            return (false, $"You have {MaxSavedPerAgent} saved views; delete one first.", null);
        }
        if (existing is null)
        {
            existing = new SavedView { OwnerUserId = userId, Name = trimmed, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
            db.SavedViews.Add(existing);
        }
        existing.Query = stored;
        await db.SaveChangesAsync(cancellationToken);
        return (true, $"Saved as your view \"{trimmed}\".", existing.Id);
    }

    /// <summary>Deletes one of the agent's own saved views; anyone else's is never found.</summary>
    public async Task<(bool Succeeded, string Message)> DeleteAsync(string userId, long id, CancellationToken cancellationToken = default)
    {
        if (await actingUser.RefusalAsync(userId, ActingUser.DeskRoles, cancellationToken) is { } refusal)
        {
            return (false, refusal);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var view = await db.SavedViews.FirstOrDefaultAsync(v => v.Id == id && v.OwnerUserId == userId, cancellationToken);
        if (view is null)
        {
            return (false, "That view is not one of yours.");
        }
        db.SavedViews.Remove(view);
        await db.SaveChangesAsync(cancellationToken);
        return (true, $"View \"{view.Name}\" deleted.");
    }

    /// <summary>A stored search back as the page's request (every value text, as typed).</summary>
    public static CaseSearchRequest Request(string query)
    {
        var values = QueryHelpers.ParseQuery(query.StartsWith('?') ? query : "?" + query);
        string? Get(string key) => values.TryGetValue(key, out var v) ? v.ToString() : null;
        return new CaseSearchRequest(Get("q"), Get("status"), Get("queue"), Get("tier"), Get("customerId"), Get("assignee"), Get("from"), Get("to"), Get("sort"), null, Get("pageSize"));
    }

    /// <summary>The search's query string without page, view or empty values, so one search is stored one way.</summary>
    public static string Normalize(string? query)
    {
        var values = QueryHelpers.ParseQuery(string.IsNullOrEmpty(query) || query.StartsWith('?') ? query : "?" + query);
        var kept = values.Where(p => p.Key is not ("page" or "view") && !string.IsNullOrWhiteSpace(p.Value.ToString()))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value.ToString().Trim())}");
        return string.Join('&', kept);
    }

    private static string Describe(string query)
    {
        var request = Request(query);
        var parts = new List<string>();
        if (request.Q is { Length: > 0 } q) parts.Add($"\"{q}\"");
        if (request.Status is { Length: > 0 } s) parts.Add(s);
        if (request.Queue is { Length: > 0 } queue) parts.Add($"{queue} queue");
        if (request.Tier is { Length: > 0 } tier) parts.Add($"tier {tier}");
        if (request.Assignee is { Length: > 0 } assignee) parts.Add(assignee == "me" ? "assigned to me" : "one assignee");
        if (request.CustomerId is { Length: > 0 }) parts.Add("one customer");
        if (request.From is { Length: > 0 } || request.To is { Length: > 0 }) parts.Add("a date range");
        return parts.Count == 0 ? "Your saved search: every case" : "Your saved search: " + string.Join(", ", parts);
    }

    /// <summary>Monday 00:00 US Central of the week <paramref name="now"/> is in.</summary>
    public static DateTimeOffset StartOfWeek(DateTimeOffset now)
    {
        var today = TierCalendar.LocalDateOf(now);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return TierCalendar.CentralZone.AtStartOfDay(NodaTime.LocalDate.FromDateOnly(monday)).ToDateTimeOffset();
    }

    private IQueryable<SupportCase> BuiltInQuery(SupportConsoleDbContext db, string key, string userId)
    {
        var cases = db.Cases.AsNoTracking();
        Expression<Func<SupportCase, bool>> mine = c => c.AssigneeId == userId;
        return key switch
        {
            MyOpen => cases.Where(mine).Where(SupportCase.IsOpenCase),
            CustomerReplied => cases.Where(mine).Where(SupportCase.IsOpenCase).Where(c => c.CustomerRepliedAtUtc != null),
            WaitingOnCustomer => cases.Where(mine).Where(c => c.Status == CaseStatus.WaitingOnCustomer),
            EscalatedByMe => cases.Where(SupportCase.IsOpenCase)
                .Where(c => db.Escalations.Any(e => e.CaseId == c.Id && e.EndedAtUtc == null && e.EscalatedById == userId)),
            ResolvedThisWeek => ResolvedSince(cases.Where(mine), StartOfWeek(clock.GetUtcNow()).UtcDateTime),
            _ => cases.Where(c => false),
        };
    }

    private static IQueryable<SupportCase> ResolvedSince(IQueryable<SupportCase> cases, DateTime since) =>
        cases.Where(c => (c.Status == CaseStatus.Resolved || c.Status == CaseStatus.Closed) && c.ClosedAtUtc >= since);
}
