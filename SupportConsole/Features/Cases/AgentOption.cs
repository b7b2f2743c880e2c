using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Intake;
using SupportConsole.Hosting;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Customers;

namespace SupportConsole.Features.Cases;

public sealed record AgentOption(string Id, string Name);
