using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;

namespace SupportConsole.Features.Cases;

/// <summary>One of the requester's other cases, as the case page's requester panel lists it.</summary>
public sealed record RequesterCase(long Number, string Subject, CaseStatus Status, DateTime ReceivedAtUtc)
{
    public DateTimeOffset ReceivedAt => ReceivedAtUtc.AsInstant();

    public bool IsOpen => Status is CaseStatus.Open or CaseStatus.WaitingOnCustomer;
}
