namespace SupportConsole.Features.Cases;

public sealed record NewReplyDto(string? Body, string? Author);
