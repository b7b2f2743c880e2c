using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;
using SupportConsole.Features.OutgoingMail;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Calls;

/// <summary>
/// Links that let a customer pick a call slot without signing in (<c>/book/{token}</c>). The token is the link's id
/// signed with ASP.NET Data Protection, so it cannot be guessed or altered; the link expires
/// (<c>Calls:BookingLinkDays</c>) and, once used, manages the call it booked (reschedule or cancel).
/// </summary>
public sealed class BookingLinks(
    IDbContextFactory<SupportConsoleDbContext> dbFactory,
    IDataProtectionProvider protection,
    CallBook calls,
    Outbox outbox,
    CaseChangeNotifier notifier,
    CallOptions options,
    TimeProvider clock)
{
    private IDataProtector Protector => protection.CreateProtector("SupportConsole.Calls.BookingLink.v1");

    /// <summary>Creates a link for a case's customer to book a call with an engineer, and mails it to them.</summary>
    public async Task<DeskResult> SendAsync(long caseId, string engineerId, TimeSpan duration, Actor actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().ToWholeSecond();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var supportCase = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        var engineer = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == engineerId && !u.IsDisabled, cancellationToken);
        if (supportCase is null || engineer is null)
        {
            return DeskResult.Refused("That case or engineer no longer exists.");
        }
        if (!supportCase.IsOpen)
        {
            return DeskResult.Refused("The case is not open; reopen it before proposing a call.");
        }
        var link = new BookingLink { CaseId = caseId, EngineerId = engineerId, DurationMinutes = (int)duration.TotalMinutes, ExpiresAtUtc = (now + options.BookingLinkLifetime).UtcDateTime, CreatedAtUtc = now.UtcDateTime };
        db.BookingLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        var number = CaseNumber.Format(supportCase.Number);
        var url = calls.BookingUrl(TokenOf(link.Id));
        var mail = outbox.Compose(OutboxKind.BookingLink, supportCase.FromAddress, $"Re: [{number}] {supportCase.Subject}: pick a time for a call",
            $"Hello{(string.IsNullOrWhiteSpace(supportCase.FromName) ? "" : " " + supportCase.FromName)},\n\n{engineer.NameOrEmail} would like to talk with you about case {number}. " +
            $"Pick a time that suits you for a {(int)duration.TotalMinutes}-minute call here; the times show in your own time zone:\n\n{url}\n\n" +
            $"The link works until {TierCalendar.FormatCentral(link.ExpiresAtUtc.AsInstant())} (US Central). You can move or cancel the call from the same link.\n\nSupportConsole Support",
            now, caseId);
        db.Outbox.Add(mail);
        db.CaseEntries.Add(CaseEntry.SystemEvent(caseId, now, $"{actor.Name} mailed {supportCase.FromAddress} a link to book a {(int)duration.TotalMinutes}-minute call with {engineer.NameOrEmail}.", "call-proposed"));
        await db.SaveChangesAsync(cancellationToken);
        outbox.Dispatch([mail]);
        notifier.Publish(new CaseChange(caseId, supportCase.Number, CaseChangeKind.NoteAdded, supportCase.Queue, now, actor.Name));
        return DeskResult.Ok($"Booking link mailed to {supportCase.FromAddress}.");
    }

    /// <summary>The link behind a token, or null when the token is not ours, was altered, or expired.</summary>
    public async Task<BookingLinkView?> OpenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (IdOf(token) is not { } id)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await (from l in db.BookingLinks.AsNoTracking()
                           where l.Id == id
                           join c in db.Cases on l.CaseId equals c.Id
                           join u in db.Users on l.EngineerId equals u.Id
                           select new { l, c.Number, c.Subject, c.FromAddress, c.FromName, Engineer = u.DisplayName != "" ? u.DisplayName : u.Email }).FirstOrDefaultAsync(cancellationToken);
        if (found is null || found.l.ExpiresAtUtc.AsInstant() < clock.GetUtcNow())
        {
            return null;
        }
        var call = found.l.CallId is { } callId ? await calls.FindAsync(callId, cancellationToken) : null;
        return new BookingLinkView(found.l.Id, found.l.CaseId, CaseNumber.Format(found.Number), found.Subject, found.l.EngineerId, found.Engineer ?? "",
            TimeSpan.FromMinutes(found.l.DurationMinutes), found.FromAddress, found.FromName, found.l.ExpiresAtUtc.AsInstant(), call);
    }

    /// <summary>The customer books (or, when the link already booked one, moves) a call at a start they picked.</summary>
    public async Task<CallBookingResult> BookAsync(string? token, DateTimeOffset start, CancellationToken cancellationToken = default)
    {
        if (await OpenAsync(token, cancellationToken) is not { } link)
        {
            return new CallBookingResult(null, "This booking link is no longer valid. Reply to our email and we will send a new one.");
        }
        var who = string.IsNullOrWhiteSpace(link.AttendeeName) ? link.AttendeeEmail : link.AttendeeName;
        if (link.Call is { Status: CallStatus.Booked } booked)
        {
            return await calls.RescheduleAsync(booked.Id, start, link.Duration, who, cancellationToken);
        }
        var result = await calls.BookAsync(new CallDraft(link.CaseId, link.EngineerId, start, link.Duration, link.AttendeeEmail, link.AttendeeName,
            $"Call about case {link.CaseNumber}: {link.Subject}", who), cancellationToken);
        if (result.Call is { } call)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.BookingLinks.Where(l => l.Id == link.LinkId).ExecuteUpdateAsync(s => s.SetProperty(l => l.CallId, call.Id), cancellationToken);
        }
        return result;
    }

    /// <summary>The customer cancels the call their link booked.</summary>
    public async Task<CallBookingResult> CancelAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (await OpenAsync(token, cancellationToken) is not { Call: { } call } link)
        {
            return new CallBookingResult(null, "There is no booked call on this link.");
        }
        return await calls.CancelAsync(call.Id, string.IsNullOrWhiteSpace(link.AttendeeName) ? link.AttendeeEmail : link.AttendeeName, cancellationToken);
    }

    public string TokenOf(long linkId) => Protector.Sign(linkId);

    private long? IdOf(string? token) => Protector.ReadSigned(token);
}
