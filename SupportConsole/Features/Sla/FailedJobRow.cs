using Hangfire;
using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Intake;

namespace SupportConsole.Features.Sla;

public sealed record FailedJobRow(string JobId, string Job, DateTimeOffset? FailedAt, string? Reason);
