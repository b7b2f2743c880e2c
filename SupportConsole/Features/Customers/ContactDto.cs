namespace SupportConsole.Features.Customers;

public sealed record ContactDto(string? Name, string? Email, string? Phone);
