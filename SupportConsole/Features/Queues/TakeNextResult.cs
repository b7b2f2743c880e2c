using SupportConsole.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Cases;

namespace SupportConsole.Features.Queues;

public sealed record TakeNextResult(bool Succeeded, string Message, long? CaseId, long? Number, string? Reason, string Rule);
