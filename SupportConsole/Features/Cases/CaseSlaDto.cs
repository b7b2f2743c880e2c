using SupportConsole.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Sla;
using SupportConsole.Hosting;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Cases;

public sealed record CaseSlaDto(string State, string ClockStartsAt, string? FirstResponseDueAt, string? AtRiskAt, string? FirstRespondedAt);
