using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;

namespace SupportConsole.Features.Cases;

/// <summary>Reads a case for its page, and the agents a case can be handed to.</summary>
public sealed class CaseReader(IDbContextFactory<SupportConsoleDbContext> dbFactory, AttachmentStore store)
{
    public async Task<CaseView?> ByNumberAsync(long number, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supportCase = await db.Cases.AsNoTracking().Include(c => c.Customer!).ThenInclude(c => c.OriginationList)
            .FirstOrDefaultAsync(c => c.Number == number, cancellationToken);
        if (supportCase is null)
        {
            return null;
        }
        var thread = WithoutCallCopies(supportCase,
            await db.CaseEntries.AsNoTracking().Where(e => e.CaseId == supportCase.Id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToListAsync(cancellationToken));
        var entryIds = thread.Select(e => e.Id).ToList();
        var attachments = await db.CaseAttachments.AsNoTracking().Where(a => entryIds.Contains(a.CaseEntryId)).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var assignee = supportCase.AssigneeId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == supportCase.AssigneeId)
            .Select(u => u.DisplayName != "" ? u.DisplayName : u.Email).FirstOrDefaultAsync(cancellationToken);
        var authors = thread.Select(e => e.Author.ToUpperInvariant()).Distinct().ToList();
        var agents = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail != null && authors.Contains(u.NormalizedEmail) && u.DisplayName != "")
            .Select(u => new { u.Email, u.DisplayName }).ToListAsync(cancellationToken);
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var agent in agents.Where(a => a.Email is not null))
        {
            names[agent.Email!] = agent.DisplayName;
        }
        return new CaseView(supportCase, assignee, supportCase.Customer, Listing(supportCase), thread,
            attachments.GroupBy(a => a.CaseEntryId).ToDictionary(g => g.Key, g => (IReadOnlyList<CaseAttachment>)[.. g]), names);
    }

    /// <summary>
    /// Cases opened by a phone call before calls were written once stored the summary twice: as the customer's message
    /// and inside the call entry. The thread shows the call alone; the stored rows stay as they are.
    /// </summary>
    public static List<CaseEntry> WithoutCallCopies(SupportCase supportCase, List<CaseEntry> thread)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        ArgumentNullException.ThrowIfNull(thread);
        if (supportCase.Channel != CaseChannel.Phone)
        {
            return thread;
        }
        var calls = thread.Where(e => e.Kind == CaseEntryKind.PhoneCall).Select(e => e.Body).ToList();
        return [.. thread.Where(e => e.Kind != CaseEntryKind.CustomerMessage || e.Body.Trim().Length == 0
            || !calls.Any(call => call.EndsWith("\n" + e.Body.Trim(), StringComparison.Ordinal)))];
    }

    /// <summary>
    /// The requester's other cases for the case page: the customer's (or, without a customer, the sender's) cases
    /// other than this one, open first, then the most recent, at most <paramref name="take"/>; with how many there are.
    /// </summary>
    public async Task<RequesterCases> OtherCasesAsync(SupportCase supportCase, int take = 10, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var others = db.Cases.AsNoTracking().Where(c => c.Id != supportCase.Id);
        others = supportCase.CustomerId is { } customerId ? others.Where(c => c.CustomerId == customerId) : others.Where(c => c.FromAddress == supportCase.FromAddress);
        var total = await others.CountAsync(cancellationToken);
        var open = await others.CountAsync(SupportCase.IsOpenCase, cancellationToken);
        var rows = await others
            .OrderBy(c => c.Status == CaseStatus.Open || c.Status == CaseStatus.WaitingOnCustomer ? 0 : 1)
            .ThenByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Id)
            .Take(take)
            .Select(c => new RequesterCase(c.Number, c.Subject, c.Status, c.ReceivedAtUtc))
            .ToListAsync(cancellationToken);
        return new RequesterCases(total, open, rows);
    }

    public static SenderListing Listing(SupportCase supportCase)
    {
        if (supportCase.Customer is not { } customer || !EmailAddress.TryParse(supportCase.FromAddress, out var sender, out _))
        {
            return new SenderListing(false, null);
        }
        var match = customer.OriginationList
            .Select(e => OriginationEntry.TryParse(e.Value, out var entry, out _) ? entry : null)
            .FirstOrDefault(e => e is not null && e.Matches(sender));
        return new SenderListing(match is not null, match?.Value);
    }

    /// <summary>The case's open escalation with its engineer's name, or null.</summary>
    public async Task<(Escalation Escalation, string? AssigneeName)?> OpenEscalationAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await (from e in db.Escalations.AsNoTracking()
                           where e.CaseId == caseId && e.EndedAtUtc == null
                           join u in db.Users on e.AssigneeId equals u.Id into assignees
                           from u in assignees.DefaultIfEmpty()
                           orderby e.Id descending
                           select new { e, Name = u == null ? null : (u.DisplayName != "" ? u.DisplayName : u.Email) }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.e, found.Name);
    }

    public async Task<IReadOnlyList<AgentOption>> ActiveAgentsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agents = await db.Users.AsNoTracking().Where(u => !u.IsDisabled)
            .Select(u => new { u.Id, Name = u.DisplayName != "" ? u.DisplayName : u.Email! }).ToListAsync(cancellationToken);
        return [.. agents.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Select(a => new AgentOption(a.Id, a.Name))];
    }

    /// <summary>The stored file of an attachment on the numbered case, or null when it is not that case's.</summary>
    public async Task<(CaseAttachment Attachment, string Path)?> AttachmentAsync(long number, long attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attachment = await (from a in db.CaseAttachments.AsNoTracking()
                                join e in db.CaseEntries on a.CaseEntryId equals e.Id
                                join c in db.Cases on e.CaseId equals c.Id
                                where a.Id == attachmentId && c.Number == number
                                select a).FirstOrDefaultAsync(cancellationToken);
        if (attachment is null)
        {
            return null;
        }
        return store.PathOf(attachment) is { } path ? (attachment, path) : null;
    }
}
