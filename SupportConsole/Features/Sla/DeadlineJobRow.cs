using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Intake;

namespace SupportConsole.Features.Sla;

public sealed record DeadlineJobRow(string JobId, string CaseNumber, SlaEventKind Kind, DateTimeOffset RunAt);
