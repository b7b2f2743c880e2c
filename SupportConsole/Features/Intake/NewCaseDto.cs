namespace SupportConsole.Features.Intake;

public sealed record NewCaseDto(string? From, string? Name, string? Subject, string? Body, int? Severity, string? ReceivedAt);
