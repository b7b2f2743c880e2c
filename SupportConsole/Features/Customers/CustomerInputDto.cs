namespace SupportConsole.Features.Customers;

/// <summary>The body of <c>POST /api/customers</c> and <c>PUT /api/customers/{id}</c>.</summary>
public sealed record CustomerInputDto(
    string? Name, string? Plan, string? TermStart, string? TermEnd, ContactDto? PrimaryContact, string? HelpdeskPhone,
    IReadOnlyList<string?>? OriginAddresses, IReadOnlyList<string?>? OriginDomains);
