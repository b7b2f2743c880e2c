using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Intake;

namespace SupportConsole.Features.Sla;

public sealed record RecurringJobRow(string Id, string Cron, DateTimeOffset? NextRun, DateTimeOffset? LastRun, string? LastState);
