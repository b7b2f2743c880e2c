using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Calls;

/// <summary>A call as the API answers: <c>{ id, caseNumber, start, end, engineer, attendee, status, sequence }</c>.</summary>
public sealed record CallDto(long Id, string? CaseNumber, string Start, string End, string Engineer, string Attendee, string Status, int Sequence, string Uid)
{
    public static CallDto Of(CallView c) => new(
        c.Id, c.CaseNumber is { } n ? Domain.Intake.CaseNumber.Format(n) : null, ApiFormat.Instant(c.Start), ApiFormat.Instant(c.End), c.EngineerEmail,
        c.AttendeeEmail, c.Status.ToString().ToLowerInvariant(), c.Sequence, c.Uid);
}
