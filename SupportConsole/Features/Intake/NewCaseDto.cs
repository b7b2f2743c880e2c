namespace SupportConsole.Features.Intake;

/// <summary>The body of <c>POST /api/cases</c>; <c>receivedAt</c>, <c>firstRespondedAt</c>, <c>status</c> and <c>closedAt</c> only for imports.</summary>
public sealed record NewCaseDto(
    string? From,
    string? Name,
    string? Subject,
    string? Body,
    int? Severity,
    string? ReceivedAt,
    string? FirstRespondedAt = null,
    string? Status = null,
    string? ClosedAt = null);
