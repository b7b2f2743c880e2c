using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Calendar;
using SupportConsole.Domain.Customers;

namespace SupportConsole.Features.Dashboard;

public sealed record DailyResponses(DateOnly Day, int Met, int MetLate);
