using System.Globalization;
using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Plans;
using SupportConsole.Features.OutgoingMail;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Notifications;
using SupportConsole.Domain.Customers;

namespace SupportConsole.Features.PlanTerm;

public enum PlanTermState
{
    /// <summary>Free Support by plan: no term to track.</summary>
    NotProPlus,
    NotStarted,
    Active,
    EndingSoon,
    Ended,
    Renewed,
}
