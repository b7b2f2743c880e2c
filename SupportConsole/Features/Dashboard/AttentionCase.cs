using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Calendar;
using SupportConsole.Domain.Customers;

namespace SupportConsole.Features.Dashboard;

public sealed record AttentionCase(long Number, string Subject, string Customer, SlaState State, DateTimeOffset? DueAt, string? Assignee);
