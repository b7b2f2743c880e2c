using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Customers;
using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Plans;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Customers;

/// <summary>
/// Customers, their plans, terms, contacts and origination lists: listed, read, created and updated with validation,
/// refused when a list claims a sender another customer's list claims, and audited (one <see cref="AuditEntry"/> per save).
/// Every save invalidates the routing directory so the next case routes by the new data.
/// </summary>
public sealed class CustomerBook(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    RoutingDirectoryCache routing,
    FreeMailDomains freeMail,
    ActingUser actingUser,
    TimeProvider clock,
    ILogger<CustomerBook> logger)
{
    public const int MaxNameLength = 200;
    public const int MaxPhoneLength = 50;
    public const int MaxEntries = 500;

    public const string CreatedAction = "created";

    private static readonly JsonSerializerOptions AuditJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>How many cases the customer page lists before it points to the search.</summary>
    public const int CasesShown = 25;

    /// <summary>The customer's cases, open first and then the newest, at most <paramref name="take"/>, with how many there are in all.</summary>
    public async Task<(int Total, IReadOnlyList<CustomerCase> Cases)> CasesAsync(long customerId, int take = CasesShown, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var cases = db.Cases.AsNoTracking().Where(c => c.CustomerId == customerId);
        var total = await cases.CountAsync(cancellationToken);
        var shown = await cases
            .OrderBy(c => c.Status == CaseStatus.Open || c.Status == CaseStatus.WaitingOnCustomer ? 0 : 1)
            .ThenByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Id)
            .Take(take)
            .Select(c => new CustomerCase(c.Number, c.Subject, c.Status, c.FromAddress, c.ReceivedAtUtc))
            .ToListAsync(cancellationToken);
        return (total, shown);
    }

    /// <summary>Customers by name; <paramref name="search"/> matches the name, primary contact, phones or an origination entry (case-insensitive).</summary>
    public async Task<IReadOnlyList<Customer>> ListAsync(string? search = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var all = await db.Customers.AsNoTracking().Include(c => c.OriginationList).ToListAsync(cancellationToken);
        var term = search?.Trim();
        return all
            .Where(c => string.IsNullOrEmpty(term) || Matches(c, term))
            .OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(c => c.Id)
            .ToList();
    }

    public async Task<Customer?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Customers.AsNoTracking().Include(c => c.OriginationList).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>The customer's audit trail, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditTrailAsync(long customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.AuditTrail.AsNoTracking().Where(e => e.CustomerId == customerId).ToListAsync(cancellationToken);
        return entries.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).ToList();
    }

    /// <summary>Whether the term includes today's Central date.</summary>
    public bool IsTermActive(Customer customer) => customer.Term.Includes(Today());

    public DateOnly Today() => TierCalendar.LocalDateOf(clock.GetUtcNow());

    /// <summary>The free-mail domains an origination list refuses as domains (<c>Customers:FreeMailDomains</c>).</summary>
    public FreeMailDomains FreeMail => freeMail;


    public Task<CustomerSaveResult> CreateAsync(CustomerDraft draft, string actor, CancellationToken cancellationToken = default) =>
        SaveAsync(null, draft, actor, cancellationToken);

    public Task<CustomerSaveResult> UpdateAsync(long id, CustomerDraft draft, string actor, CancellationToken cancellationToken = default) =>
        SaveAsync(id, draft, actor, cancellationToken);

    /// <summary>
    /// A save from the customer page (<paramref name="id"/> null creates): only an active manager may, checked in the
    /// database now, because the page's sign-in can be hours old. The API and list change requests check their own callers.
    /// </summary>
    public async Task<CustomerSaveResult> SaveByManagerAsync(long? id, CustomerDraft draft, string actingUserId, string actor, CancellationToken cancellationToken = default)
    {
        if (await actingUser.RefusalAsync(actingUserId, [Roles.Manager], cancellationToken) is { } refusal)
        {
            return new CustomerSaveResult(CustomerSaveStatus.Refused, null, new Dictionary<string, string[]> { ["account"] = [refusal] }, new Dictionary<string, string[]>());
        }
        return await SaveAsync(id, draft, actor, cancellationToken);
    }

    /// <summary>
    /// Checks a draft without saving: per-field messages, and the parsed origination entries when they all parse.
    /// Conflicts with other customers need the database and are checked on save; a free-mail domain is refused here.
    /// </summary>
    public static Dictionary<string, string[]> Validate(CustomerDraft draft, FreeMailDomains freeMail, out IReadOnlyList<OriginationEntry> entries)
    {
        var errors = new Dictionary<string, string[]>();
        var name = draft.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            errors["name"] = ["Enter the customer's name."];
        }
        else if (name.Length > MaxNameLength)
        {
            errors["name"] = [$"A customer name has at most {MaxNameLength} characters."];
        }

        if (!Enum.IsDefined(draft.Plan))
        {
            errors["plan"] = ["Choose a plan: Pro Plus (pro-plus) or Free Support (free)."];
        }

        if (draft.TermStart < TierCalendar.MinDate || draft.TermStart > TierCalendar.MaxDate)
        {
            errors["termStart"] = [$"The term must start between {TierCalendar.MinDate:yyyy-MM-dd} and {TierCalendar.MaxDate:yyyy-MM-dd}."];
        }
        if (draft.TermEnd < TierCalendar.MinDate || draft.TermEnd > TierCalendar.MaxDate)
        {
            errors["termEnd"] = [$"The term must end between {TierCalendar.MinDate:yyyy-MM-dd} and {TierCalendar.MaxDate:yyyy-MM-dd}."];
        }
        else if (!errors.ContainsKey("termStart") && draft.TermEnd < draft.TermStart)
        {
            errors["termEnd"] = [$"The term ends ({draft.TermEnd:yyyy-MM-dd}) before it starts ({draft.TermStart:yyyy-MM-dd}): the end date is the last day included, on or after the start."];
        }

        if ((draft.ContactName?.Trim().Length ?? 0) > MaxNameLength)
        {
            errors["primaryContact.name"] = [$"A contact name has at most {MaxNameLength} characters."];
        }
        var email = draft.ContactEmail?.Trim() ?? "";
        if (email.Length == 0)
        {
            if (draft.Plan == SupportPlan.ProPlus)
            {
                errors["primaryContact.email"] = ["A Pro Plus customer needs a primary contact email: they confirm origination list changes and receive the helpdesk phone number."];
            }
        }
        else if (!EmailAddress.TryParse(email, out _, out var emailError))
        {
            errors["primaryContact.email"] = [emailError!];
        }
        if ((draft.ContactPhone?.Trim().Length ?? 0) > MaxPhoneLength)
        {
            errors["primaryContact.phone"] = [$"A phone number has at most {MaxPhoneLength} characters."];
        }
        if ((draft.HelpdeskPhone?.Trim().Length ?? 0) > MaxPhoneLength)
        {
            errors["helpdeskPhone"] = [$"A phone number has at most {MaxPhoneLength} characters."];
        }

        var parsed = new List<OriginationEntry>();
        var problems = new List<string>();
        foreach (var text in draft.Origination ?? [])
        {
            if (!OriginationEntry.TryParse(text, out var entry, out var error))
            {
                problems.Add(error!);
            }
            else if (freeMail.Refusal(entry) is { } refusal)
            {
                problems.Add(refusal);
            }
            else
            {
                parsed.Add(entry);
            }
        }
        if (parsed.Count > MaxEntries)
        {
            problems.Add($"An origination list has at most {MaxEntries} entries; use a domain or *.domain instead of many addresses.");
        }
        if (problems.Count > 0)
        {
            errors["origination"] = [.. problems];
        }

        entries = OriginationList.Create(parsed).Entries;
        return errors;
    }

    private async Task<CustomerSaveResult> SaveAsync(long? id, CustomerDraft draft, string actor, CancellationToken cancellationToken)
    {
        var errors = Validate(draft, freeMail, out var entries);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        Customer? customer = null;
        if (id is { } existingId)
        {
            customer = await db.Customers.Include(c => c.OriginationList).FirstOrDefaultAsync(c => c.Id == existingId, cancellationToken);
            if (customer is null)
            {
                return CustomerSaveResult.NotFound;
            }
        }
        if (errors.Count > 0)
        {
            return new CustomerSaveResult(CustomerSaveStatus.Invalid, null, errors, new Dictionary<string, string[]>());
        }

        var conflicts = await FindConflictsAsync(db, id ?? 0, entries, cancellationToken);
        if (conflicts.Count > 0)
        {
            return new CustomerSaveResult(CustomerSaveStatus.Conflict, null, new Dictionary<string, string[]>(), conflicts);
        }

        var before = customer is null ? null : Snapshot.Of(customer);
        var now = clock.GetUtcNow().UtcDateTime;
        if (customer is null)
        {
            customer = new Customer { CreatedAtUtc = now };
            db.Customers.Add(customer);
        }
        Apply(customer, draft, entries);
        var after = Snapshot.Of(customer);

        var audit = Audit(before, after, actor, customer.Name, now);
        if (audit is null)
        {
            return new CustomerSaveResult(CustomerSaveStatus.Saved, customer, new Dictionary<string, string[]>(), new Dictionary<string, string[]>());
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.CustomerId = customer.Id;
            db.AuditTrail.Add(audit);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation("OriginationListEntries"))
        {
            // Another save claimed one of these entries between our check and our write: the unique index refused it.
            logger.LogInformation(e, "Origination list save for {Customer} lost a race to another customer's save", draft.Name);
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var raced = await FindConflictsAsync(fresh, id ?? 0, entries, cancellationToken);
            if (raced.Count == 0)
            {
                raced = new Dictionary<string, string[]>
                {
                    ["origination"] = ["One of these entries was just added to another customer's list. Reload the customers and try again."],
                };
            }
            return new CustomerSaveResult(CustomerSaveStatus.Conflict, null, new Dictionary<string, string[]>(), raced);
        }
        finally
        {
            routing.Invalidate();
        }

        logger.LogInformation("{Actor} {Action} customer {CustomerId} ({Customer})", actor, audit.Action, customer.Id, customer.Name);
        db.ChangeTracker.Clear();
        var saved = await db.Customers.AsNoTracking().Include(c => c.OriginationList).FirstAsync(c => c.Id == customer.Id, cancellationToken);
        return new CustomerSaveResult(CustomerSaveStatus.Saved, saved, new Dictionary<string, string[]>(), new Dictionary<string, string[]>());
    }

    private async Task<Dictionary<string, string[]>> FindConflictsAsync(
        SupportConsoleDbContext db, long customerId, IReadOnlyList<OriginationEntry> entries, CancellationToken cancellationToken)
    {
        var conflicts = new Dictionary<string, string[]>();
        if (entries.Count == 0)
        {
            return conflicts;
        }
        var others = await db.Customers.AsNoTracking().Include(c => c.OriginationList)
            .Where(c => c.Id != customerId).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var profiles = others.Select(routing.ToProfile).ToList();
        foreach (var entry in entries)
        {
            var messages = OriginationListConflicts.Find(customerId, [entry], profiles);
            if (messages.Count > 0)
            {
                conflicts[entry.Value] = [.. messages];
            }
        }
        return conflicts;
    }

    private static void Apply(Customer customer, CustomerDraft draft, IReadOnlyList<OriginationEntry> entries)
    {
        customer.Name = draft.Name.Trim();
        customer.Plan = draft.Plan;
        customer.TermStart = draft.TermStart;
        customer.TermEnd = draft.TermEnd;
        customer.PrimaryContactName = draft.ContactName?.Trim() ?? "";
        customer.PrimaryContactEmail = string.IsNullOrWhiteSpace(draft.ContactEmail) ? "" : EmailAddress.Parse(draft.ContactEmail).Value;
        customer.PrimaryContactPhone = draft.ContactPhone?.Trim() ?? "";
        customer.HelpdeskPhone = draft.HelpdeskPhone?.Trim() ?? "";

        var wanted = entries.Select(e => e.Value).ToHashSet(StringComparer.Ordinal);
        customer.OriginationList.RemoveAll(e => !wanted.Contains(e.Value));
        var kept = customer.OriginationList.Select(e => e.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => !kept.Contains(e.Value)))
        {
            customer.OriginationList.Add(new OriginationListEntry { Value = entry.Value });
        }
    }

    /// <summary>What a customer save can change, the words the audit uses for it, and the fields it records.</summary>
    private static readonly (string Action, (string Field, Func<Snapshot, object?> Read)[] Fields)[] AuditedChanges =
    [
        ("renamed", [("name", s => s.Name)]),
        ("plan changed", [("plan", s => s.Plan)]),
        ("term changed", [("termStart", s => s.TermStart), ("termEnd", s => s.TermEnd)]),
        ("contact changed", [("primaryContact", s => s.PrimaryContact)]),
        ("helpdesk phone changed", [("helpdeskPhone", s => s.HelpdeskPhone)]),
    ];

    /// <summary>One audit entry naming every kind of change in the save, with compact JSON of the changed fields before and after.</summary>
    private static AuditEntry? Audit(Snapshot? before, Snapshot after, string actor, string subject, DateTime now)
    {
        string action;
        string beforeText;
        string afterText;
        if (before is null)
        {
            action = CreatedAction;
            beforeText = "";
            afterText = JsonSerializer.Serialize(after, AuditJson);
        }
        else
        {
            var actions = new List<string>();
            var was = new Dictionary<string, object?>();
            var after2 = new Dictionary<string, object?>();
            void Changed(string field, object? oldValue, object? newValue)
            {
                was[field] = oldValue;
                after2[field] = newValue;
            }

            foreach (var (name, fields) in AuditedChanges)
            {
                if (fields.Any(f => !Equals(f.Read(before), f.Read(after))))
                {
                    actions.Add(name);
                    foreach (var (field, read) in fields)
                    {
                        Changed(field, read(before), read(after));
                    }
                }
            }
            if (!before.OriginationList.ToHashSet(StringComparer.Ordinal).SetEquals(after.OriginationList))
            {
                actions.Add("origination list changed");
                var removed = before.OriginationList.Except(after.OriginationList).ToArray();
                var added = after.OriginationList.Except(before.OriginationList).ToArray();
                was["originationList"] = before.OriginationList;
                after2["originationList"] = after.OriginationList;
                after2["added"] = added.Length > 0 ? added : null;
                after2["removed"] = removed.Length > 0 ? removed : null;
            }
            if (actions.Count == 0)
            {
                return null;
            }
            action = string.Join(", ", actions);
            beforeText = JsonSerializer.Serialize(was, AuditJson);
            afterText = JsonSerializer.Serialize(after2.Where(p => p.Value is not null).ToDictionary(), AuditJson);
        }

        return new AuditEntry
        {
            AtUtc = now,
            Actor = string.IsNullOrWhiteSpace(actor) ? "unknown" : actor.Trim(),
            Subject = subject,
            Action = action,
            Before = beforeText,
            After = afterText,
        };
    }

    /// <summary>The customer's stored entries in the list's stable order: by domain, then the domain, its wildcard, its addresses.</summary>
    public static IReadOnlyList<string> OrderedEntries(Customer customer)
    {
        var parsed = new List<OriginationEntry>();
        var unreadable = new List<string>();
        foreach (var stored in customer.OriginationList)
        {
            if (OriginationEntry.TryParse(stored.Value, out var entry, out _))
            {
                parsed.Add(entry);
            }
            else
            {
                unreadable.Add(stored.Value);
            }
        }
        return [.. OriginationList.Create(parsed).Entries.Select(e => e.Value), .. unreadable];
    }

    private static bool Matches(Customer c, string term) =>
        c.Name.Contains(term, StringComparison.OrdinalIgnoreCase)
        || c.PrimaryContactName.Contains(term, StringComparison.OrdinalIgnoreCase)
        || c.PrimaryContactEmail.Contains(term, StringComparison.OrdinalIgnoreCase)
        || c.PrimaryContactPhone.Contains(term, StringComparison.OrdinalIgnoreCase)
        || c.HelpdeskPhone.Contains(term, StringComparison.OrdinalIgnoreCase)
        || c.Plan.DisplayName().Contains(term, StringComparison.OrdinalIgnoreCase)
        || c.OriginationList.Any(e => e.Value.Contains(term, StringComparison.OrdinalIgnoreCase));

    /// <summary>The audited fields of a customer, in the API's spelling.</summary>
    private sealed record Snapshot(
        string Name, string Plan, string TermStart, string TermEnd, ContactSnapshot PrimaryContact, string HelpdeskPhone, string[] OriginationList)
    {
        public static Snapshot Of(Customer c) => new(
            c.Name, c.Plan.ToApiName(), c.TermStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            c.TermEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            new ContactSnapshot(c.PrimaryContactName, c.PrimaryContactEmail, c.PrimaryContactPhone), c.HelpdeskPhone,
            OrderedEntries(c).ToArray());
    }

    private sealed record ContactSnapshot(string Name, string Email, string Phone);
}
