using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Cases;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Intake;

public sealed record NewCaseDto(string? From, string? Name, string? Subject, string? Body, int? Severity, string? ReceivedAt);
