using SupportConsole.Domain.Cases;

namespace SupportConsole.Features.Customers;

/// <summary>One of a customer's cases as the customer page lists it.</summary>
public sealed record CustomerCase(long Number, string Subject, CaseStatus Status, string FromAddress, DateTime ReceivedAtUtc);
