using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Customers;
using SupportConsole.Features.OutgoingMail;

namespace SupportConsole.Features.Intake;

/// <summary>The case intake produced or found: <c>Created</c> is false for a replayed Idempotency-Key or a repeated Message-ID.</summary>
public sealed record IntakeResult(SupportCase Case, bool Created);
