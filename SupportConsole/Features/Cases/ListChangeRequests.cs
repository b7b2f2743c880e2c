using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Customers;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Customers;

namespace SupportConsole.Features.Cases;

/// <summary>
/// The primary contact changes the origination list by opening a case: intake records the proposed additions and
/// removals parsed from the text; an agent approves (the list changes, with an audit entry and a reply to the contact)
/// or rejects. Only the customer's designated primary contact can have a request approved, and only an active agent with
/// a tier role or Manager (checked in the database when they decide) can decide.
/// </summary>
public sealed class ListChangeRequests(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    CustomerBook customers,
    CaseDesk desk,
    ActingUser actingUser,
    TimeProvider clock)
{
    public static ListChangeRequest Propose(SupportCase supportCase, string body, long? primaryContactCustomerId)
    {
        var change = OriginationListChangeRequest.Parse(body);
        return new ListChangeRequest
        {
            Case = supportCase,
            CustomerId = primaryContactCustomerId ?? supportCase.CustomerId,
            RequesterEmail = supportCase.FromAddress,
            Additions = string.Join('\n', change.Additions.Select(e => e.Value)),
            Removals = string.Join('\n', change.Removals.Select(e => e.Value)),
            Unrecognized = string.Join('\n', change.UnrecognizedLines),
        };
    }

    public async Task<ListChangeView?> ForCaseAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.ListChangeRequests.AsNoTracking().FirstOrDefaultAsync(r => r.CaseId == caseId, cancellationToken);
        if (request is null)
        {
            return null;
        }
        var customer = request.CustomerId is { } id ? await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) : null;
        var confirmed = await SenderConfirmations.IsListChangeConfirmedAsync(db, request.Id, cancellationToken);
        var (canApprove, whyNot) = Check(request, customer, confirmed);
        return new ListChangeView(request.Id, request.Status, request.RequesterEmail, customer?.Id, customer?.Name, customer?.PrimaryContactEmail,
            Lines(request.Additions), Lines(request.Removals), Lines(request.Unrecognized), canApprove, whyNot,
            request.DecidedBy, request.DecidedAtUtc, request.DecisionNote, Verification(request, customer, confirmed), NeedsConfirmation: !request.SenderAuthenticated && !confirmed);
    }

    public async Task<DeskResult> ApproveAsync(long requestId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (await actingUser.RefusalAsync(actor.UserId, ActingUser.DeskRoles, cancellationToken) is { } refusal)
        {
            return DeskResult.Refused(refusal);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.ListChangeRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || request.Status != ListChangeStatus.Pending)
        {
            return DeskResult.Refused("This request was already decided; reload the case.");
        }
        var customer = request.CustomerId is { } id ? await customers.GetAsync(id, cancellationToken) : null;
        var (canApprove, whyNot) = Check(request, customer, await SenderConfirmations.IsListChangeConfirmedAsync(db, request.Id, cancellationToken));
        if (!canApprove)
        {
            return DeskResult.Refused(whyNot!);
        }
        var draft = CustomerDraft.From(customer!);
        var current = draft.Origination.ToHashSet(StringComparer.OrdinalIgnoreCase);
        current.ExceptWith(Lines(request.Removals));
        current.UnionWith(Lines(request.Additions));
        draft.Origination = [.. current.Order()];
        var saved = await customers.UpdateAsync(customer!.Id, draft, $"{actor.Email} (change request on case {request.CaseId})", cancellationToken);
        if (!saved.Succeeded)
        {
            return DeskResult.Refused("The list cannot take this change: " + string.Join(" ", saved.Messages) + " Reject the request or ask the contact for a corrected list.");
        }
        request.Status = ListChangeStatus.Approved;
        request.DecidedBy = actor.Email;
        request.DecidedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        var summary = Summary(request, "added", "removed");
        await desk.ReplyAsync(request.CaseId, actor,
            $"Your change to {customer.Name}'s origination list is done.\n\n{summary}\nCases from the listed addresses and domains now go to your priority queue.",
            Domain.Cases.CaseStatus.Resolved, cancellationToken);
        return DeskResult.Ok($"{customer.Name}'s list is updated; the contact was told.");
    }

    public async Task<DeskResult> RejectAsync(long requestId, Actor actor, string note, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(note))
        {
            return DeskResult.Refused("Say why: the contact receives the reason.");
        }
        ArgumentNullException.ThrowIfNull(actor);
        if (await actingUser.RefusalAsync(actor.UserId, ActingUser.DeskRoles, cancellationToken) is { } refusal)
        {
            return DeskResult.Refused(refusal);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.ListChangeRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || request.Status != ListChangeStatus.Pending)
        {
            return DeskResult.Refused("This request was already decided; reload the case.");
        }
        request.Status = ListChangeStatus.Rejected;
        request.DecidedBy = actor.Email;
        request.DecidedAtUtc = clock.GetUtcNow().UtcDateTime;
        request.DecisionNote = note.Trim();
        await db.SaveChangesAsync(cancellationToken);
        await desk.ReplyAsync(request.CaseId, actor, $"We did not change the origination list: {note.Trim()}", null, cancellationToken);
        return DeskResult.Ok("Request rejected; the contact was told why.");
    }

    /// <summary>How the desk knows the request is the primary contact's, in words for the agent.</summary>
    private static string Verification(ListChangeRequest request, Customer? customer, bool confirmed) =>
        request.SenderAuthenticated ? $"Authenticated: {request.SenderCheck}."
        : confirmed ? $"Confirmed by {customer?.PrimaryContactEmail ?? "the primary contact"} through the link mailed to the address on file."
        : $"Not authenticated ({(request.SenderCheck.Length > 0 ? request.SenderCheck : "no sender check")}); waiting for the primary contact to confirm through the link mailed to the address on file.";

    private static (bool, string?) Check(ListChangeRequest request, Customer? customer, bool confirmed)
    {
        if (customer is null)
        {
            return (false, $"{request.RequesterEmail} is not the primary contact of any customer, so this request cannot be approved. Reply to ask their primary contact to send it.");
        }
        if (Lines(request.Additions).Count == 0 && Lines(request.Removals).Count == 0)
        {
            return (false, "No additions or removals could be read from the request. Reply to ask for one address or domain per line under 'Add:' or 'Remove:'.");
        }
        EmailAddress.TryParse(customer.PrimaryContactEmail, out var contact, out _);
        EmailAddress.TryParse(request.RequesterEmail, out var requester, out _);
        var approval = OriginationListChangeRequest.CanApprove(requester, string.IsNullOrEmpty(contact.Value) ? null : contact);
        if (!approval.Allowed)
        {
            return (false, approval.Reason);
        }
        if (!request.SenderAuthenticated && !confirmed)
        {
            // A From names the primary contact but proves nothing: the address on file must confirm it.
            return (false, $"Nothing proves this request comes from {contact.Value}: no trusted server authenticated it, and the contact has not yet confirmed it through the link mailed to them. Wait for the confirmation, or send the link again.");
        }
        return (true, null);
    }

    /// <summary>One line per entry, "+ {added} x" then "- {removed} y": the change as mail tells it.</summary>
    internal static string Summary(ListChangeRequest request, string added, string removed)
    {
        var text = new System.Text.StringBuilder();
        foreach (var entry in Lines(request.Additions))
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"+ {added} {entry}");
        }
        foreach (var entry in Lines(request.Removals))
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"- {removed} {entry}");
        }
        return text.ToString();
    }

    /// <summary>The entries of a stored change, one per line.</summary>
    internal static List<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
