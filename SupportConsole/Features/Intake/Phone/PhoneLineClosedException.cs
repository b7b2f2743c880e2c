using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Domain.Customers;

namespace SupportConsole.Features.Intake.Phone;

/// <summary>Refused because Tier 1's phone line is closed now; the message says when it opens.</summary>
public sealed class PhoneLineClosedException(string message) : Exception(message);
