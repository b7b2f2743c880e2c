namespace SupportConsole.Features.Queues;

public sealed record TakeNextResult(bool Succeeded, string Message, long? CaseId, long? Number, string? Reason, string Rule);
