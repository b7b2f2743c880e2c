namespace SupportConsole.Features.Cases;

public sealed record CaseSlaDto(string State, string ClockStartsAt, string? FirstResponseDueAt, string? AtRiskAt, string? FirstRespondedAt);
