using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Customers;
using SupportConsole.Features.OutgoingMail;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Cases;

/// <summary>
/// Proof that a request comes from the mailbox it names: a link mailed to that address (<c>/confirm/{token}</c>) which
/// only its owner can follow. A web-form case from a listed address waits in the standard queue until its sender
/// confirms, then moves to priority with its clock from its original arrival (anyone can type a listed address into a
/// form). An origination list change that no trusted server authenticated can be approved only once the primary contact
/// on file confirms it. Following the link shows what is confirmed; only the button (a POST) confirms, so a mail
/// scanner that opens links confirms nothing.
/// </summary>
public sealed class SenderConfirmations(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    IDataProtectionProvider protection,
    RoutingDirectoryCache routing,
    BusinessCalendar calendar,
    Outbox outbox,
    AppLinks links,
    CaseChangeNotifier notifier,
    ActingUser actingUser,
    TimeProvider clock)
{
    /// <summary>How the routing reason of a web-form case waiting for its sender's confirmation begins.</summary>
    public const string AwaitingReasonPrefix = "awaiting the sender's confirmation";

    /// <summary>How long a confirmation link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private IDataProtector Protector => protection.CreateProtector("SupportConsole.Cases.SenderConfirmation.v1");

    /// <summary>
    /// Adds a confirmation for a case that is saved (it has its id and number) to <paramref name="db"/>'s pending work,
    /// with the mail carrying its link; the caller commits both and dispatches the mail after the commit.
    /// </summary>
    public async Task<OutboxMessage> AddAsync(SupportConsoleDbContext db, SenderConfirmationKind kind, SupportCase supportCase, string address, ListChangeRequest? request, string? customerName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(supportCase);
        var row = new SenderConfirmation
        {
            Kind = kind,
            CaseId = supportCase.Id,
            ListChangeRequestId = request?.Id,
            Address = address,
            CreatedAtUtc = now.UtcDateTime,
            ExpiresAtUtc = (now + Lifetime).UtcDateTime,
        };
        db.SenderConfirmations.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        var url = links.Absolute($"/confirm/{TokenOf(row.Id)}");
        var number = CaseNumber.Format(supportCase.Number);
        var until = TierCalendar.FormatCentral(row.ExpiresAtUtc.AsInstant());
        var mail = kind == SenderConfirmationKind.WebFormCase
            ? outbox.Compose(OutboxKind.SenderConfirmation, address, $"[{number}] Confirm your request: {supportCase.Subject}",
                $"Hello{(string.IsNullOrWhiteSpace(supportCase.FromName) ? "" : " " + supportCase.FromName)},\n\n" +
                $"We received case {number} through our web form with this address. This address is on {customerName}'s list for priority support, " +
                $"so the case moves to our priority queue as soon as you confirm that you sent it:\n\n{url}\n\n" +
                $"Its first-response time still counts from when it arrived. Until you confirm, it waits in our standard queue.\n" +
                $"If you did not send this request, ignore this mail. The link works until {until} (US Central).\n\nSupportConsole Support",
                now, supportCase.Id)
            : outbox.Compose(OutboxKind.SenderConfirmation, address, $"[{number}] Confirm the change to {customerName}'s origination list",
                $"Hello,\n\nCase {number}, from {supportCase.FromAddress}, asks to change the list of addresses whose cases get {customerName}'s priority support:\n\n" +
                $"{(request is null ? "" : ListChangeRequests.Summary(request, "add", "remove"))}\nYou are {customerName}'s primary contact on file, so we make the change only once you confirm it here:\n\n{url}\n\n" +
                $"If you did not ask for this, do not follow the link, and reply to tell us. The link works until {until} (US Central).\n\nSupportConsole Support",
                now, supportCase.Id);
        db.Outbox.Add(mail);
        return mail;
    }

    /// <summary>Mails the primary contact on file a new link for a list change nobody authenticated (an agent's action).</summary>
    public async Task<DeskResult> ResendListChangeLinkAsync(long requestId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await actingUser.RefusalAsync(actor.UserId, ActingUser.DeskRoles, cancellationToken) is { } refusal)
        {
            return DeskResult.Refused(refusal);
        }
        var now = clock.GetUtcNow().ToWholeSecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.ListChangeRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || request.Status != ListChangeStatus.Pending)
        {
            return DeskResult.Refused("This request was already decided; reload the case.");
        }
        var customer = request.CustomerId is { } id ? await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
        if (customer is null || string.IsNullOrWhiteSpace(customer.PrimaryContactEmail))
        {
            return DeskResult.Refused("The customer has no primary contact on file to confirm the change. Add one on the customer's page first.");
        }
        var supportCase = await db.Cases.AsNoTracking().FirstAsync(c => c.Id == request.CaseId, cancellationToken);
        var mail = await AddAsync(db, SenderConfirmationKind.ListChange, supportCase, customer.PrimaryContactEmail, request, customer.Name, now, cancellationToken);
        db.CaseEntries.Add(CaseEntry.SystemEvent(supportCase.Id, now, $"{actor.Name} mailed {customer.PrimaryContactEmail}, the primary contact on file, a new link to confirm the list change."));
        await db.SaveChangesAsync(cancellationToken);
        outbox.Dispatch([mail]);
        notifier.Publish(new CaseChange(supportCase.Id, supportCase.Number, CaseChangeKind.NoteAdded, supportCase.Queue, now, actor.Name));
        return DeskResult.Ok($"A new confirmation link went to {customer.PrimaryContactEmail}.");
    }

    /// <summary>Whether a list change request was confirmed by the primary contact through a mailed link.</summary>
    public static Task<bool> IsListChangeConfirmedAsync(SupportConsoleDbContext db, long requestId, CancellationToken cancellationToken) =>
        db.SenderConfirmations.AnyAsync(c => c.ListChangeRequestId == requestId && c.ConfirmedAtUtc != null, cancellationToken);

    /// <summary>What a link confirms, for its page; null when the token is not ours, was altered, or expired.</summary>
    public async Task<SenderConfirmationView?> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (IdOf(token) is not { } id)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.SenderConfirmations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (row is null || (row.ConfirmedAtUtc is null && row.ExpiresAtUtc.AsInstant() < clock.GetUtcNow()))
        {
            return null;
        }
        var supportCase = await db.Cases.AsNoTracking().FirstAsync(c => c.Id == row.CaseId, cancellationToken);
        var request = row.ListChangeRequestId is { } requestId ? await db.ListChangeRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken) : null;
        return new SenderConfirmationView(row.Kind, CaseNumber.Format(supportCase.Number), supportCase.Subject, row.Address,
            request is null ? [] : ListChangeRequests.Lines(request.Additions), request is null ? [] : ListChangeRequests.Lines(request.Removals), row.ConfirmedAtUtc.AsInstant());
    }

    /// <summary>The owner of the mailbox confirms. Confirming twice is harmless.</summary>
    public async Task<DeskResult> ConfirmAsync(string? token, CancellationToken cancellationToken = default)
    {
        const string invalid = "This confirmation link is no longer valid (it may have expired). Reply to our email and we will send a new one.";
        if (IdOf(token) is not { } id)
        {
            return DeskResult.Refused(invalid);
        }
        var now = clock.GetUtcNow().ToWholeSecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.SenderConfirmations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (row is null || (row.ConfirmedAtUtc is null && row.ExpiresAtUtc.AsInstant() < now))
        {
            return DeskResult.Refused(invalid);
        }
        if (row.ConfirmedAtUtc is not null)
        {
            return DeskResult.Ok("You already confirmed this. Thank you.");
        }
        var supportCase = await db.Cases.FirstAsync(c => c.Id == row.CaseId, cancellationToken);
        var number = CaseNumber.Format(supportCase.Number);
        row.ConfirmedAtUtc = now.UtcDateTime;
        string message;
        var kind = CaseChangeKind.NoteAdded;
        if (row.Kind == SenderConfirmationKind.ListChange)
        {
            db.CaseEntries.Add(CaseEntry.SystemEvent(supportCase.Id, now, $"{row.Address}, the primary contact on file, confirmed the list change through the link mailed to them: it can be approved.", "confirmed"));
            message = $"Thank you: the change asked on case {number} is confirmed. An agent applies it and tells you when it is done.";
        }
        else if (await PromoteAsync(db, supportCase, row.Address, now, cancellationToken))
        {
            kind = CaseChangeKind.Rerouted;
            message = $"Thank you: case {number} is confirmed and now in our priority queue.";
        }
        else
        {
            message = $"Thank you: case {number} is confirmed.";
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Publish(new CaseChange(supportCase.Id, supportCase.Number, kind, supportCase.Queue, now, row.Address));
        return DeskResult.Ok(message);
    }

    /// <summary>
    /// Routes a confirmed web-form case again as of its arrival: when its address (still) has priority, it moves to the
    /// priority queue with the deadline its arrival gives it. True when it moved.
    /// </summary>
    private async Task<bool> PromoteAsync(SupportConsoleDbContext db, SupportCase supportCase, string address, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (supportCase.Queue == CaseQueue.Priority || !EmailAddress.TryParse(supportCase.FromAddress, out var sender, out _))
        {
            return false;
        }
        var directory = await routing.GetAsync(cancellationToken);
        var decision = directory.Route(sender, TierCalendar.LocalDateOf(supportCase.ReceivedAt));
        if (decision.Queue != CaseQueue.Priority)
        {
            db.CaseEntries.Add(CaseEntry.SystemEvent(supportCase.Id, now, $"{address} confirmed the case, but the address no longer has priority support ({decision.Reason}): it stays in the standard queue.", "confirmed"));
            return false;
        }
        var deadline = FirstResponseDeadline.Compute(calendar.Current, calendar.Policies.For(CaseQueue.Priority), supportCase.ReceivedAt);
        supportCase.Queue = CaseQueue.Priority;
        supportCase.CustomerId = decision.CustomerId;
        supportCase.RoutingReason = $"{decision.Reason}; the sender confirmed the web-form case";
        supportCase.ClockStartsAtUtc = deadline.ClockStartsAt.UtcDateTime;
        supportCase.AtRiskAtUtc = deadline.AtRiskAt?.UtcDateTime;
        supportCase.FirstResponseDueAtUtc = deadline.DueAt?.UtcDateTime;
        var due = deadline.DueAt is { } at ? $"; its first response is due {TierCalendar.FormatCentral(at)} (Central), counted from its arrival" : "";
        db.CaseEntries.Add(CaseEntry.SystemEvent(supportCase.Id, now, $"{address} confirmed the web-form case through the link mailed to them: moved to the priority queue{due}.", "confirmed"));
        return true;
    }

    private string TokenOf(long id) => Protector.Sign(id);

    private long? IdOf(string? token) => Protector.ReadSigned(token);
}
