using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Domain.Customers;

namespace SupportConsole.Features.Intake.Phone;

/// <summary>Whether Tier 1 takes calls now, and if not, what to tell the agent.</summary>
public sealed record PhoneLineStatus(bool IsOpen, string? ClosedMessage);
