using SupportConsole.Domain.Customers;

namespace SupportConsole.Features.Customers;

/// <summary>
/// The outcome of a create or update. <see cref="Errors"/> is keyed by field (<c>name</c>, <c>plan</c>, <c>termStart</c>,
/// <c>termEnd</c>, <c>primaryContact.name</c>, <c>primaryContact.email</c>, <c>primaryContact.phone</c>, <c>helpdeskPhone</c>,
/// <c>origination</c>); <see cref="Conflicts"/> is keyed by the normalized origination entry another customer already claims.
/// </summary>
public sealed record CustomerSaveResult(
    CustomerSaveStatus Status,
    Customer? Customer,
    IReadOnlyDictionary<string, string[]> Errors,
    IReadOnlyDictionary<string, string[]> Conflicts)
{
    public static CustomerSaveResult NotFound { get; } = new(CustomerSaveStatus.NotFound, null, new Dictionary<string, string[]>(), new Dictionary<string, string[]>());

    public bool Succeeded => Status == CustomerSaveStatus.Saved;

    /// <summary>Every message, errors first, for a snackbar or a log line.</summary>
    public IEnumerable<string> Messages => Errors.Values.SelectMany(m => m).Concat(Conflicts.Values.SelectMany(m => m));
}
