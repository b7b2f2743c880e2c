using System.Linq.Expressions;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Customers;
using SupportConsole.Domain.Sla;

namespace SupportConsole.Domain.Cases;

public enum ClaimOutcome
{
    Claimed,
    AlreadyYours,
    HeldByAnother,
    NotOpen,
}
