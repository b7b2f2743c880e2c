using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;

namespace SupportConsole.Data;

/// <summary>
/// What a case search asks for: words (matched as plain words, never as query syntax) and filters, all optional, with
/// the order and the page. <see cref="ReceivedToUtc"/> is exclusive. <see cref="Page"/> counts from 1.
/// </summary>
public sealed record CaseSearchCriteria(
    string? Text = null,
    CaseStatus? Status = null,
    CaseQueue? Queue = null,
    SupportTier? Tier = null,
    string? AssigneeId = null,
    long? CustomerId = null,
    DateTimeOffset? ReceivedFromUtc = null,
    DateTimeOffset? ReceivedToUtc = null,
    CaseSearchSort Sort = CaseSearchSort.Newest,
    int Page = 1,
    int PageSize = CaseSearchCriteria.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
}
