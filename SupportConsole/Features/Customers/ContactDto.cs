using SupportConsole.Data;
using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Plans;
using SupportConsole.Hosting.Api;
using SupportConsole.Domain.Customers;

namespace SupportConsole.Features.Customers;

public sealed record ContactDto(string? Name, string? Email, string? Phone);
