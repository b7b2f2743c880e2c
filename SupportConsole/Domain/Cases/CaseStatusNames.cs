namespace SupportConsole.Domain.Cases;

public static class CaseStatusNames
{
    /// <summary>The status's name in the API: <c>open</c>, <c>waiting-on-customer</c>, <c>resolved</c>, <c>closed</c>.</summary>
    public static string ToApiName(this CaseStatus status) => status switch
    {
        CaseStatus.Open => "open",
        CaseStatus.WaitingOnCustomer => "waiting-on-customer",
        CaseStatus.Resolved => "resolved",
        CaseStatus.Closed => "closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    public static bool TryParseApiName(string? value, out CaseStatus status)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "open":
                status = CaseStatus.Open;
                return true;
            case "waiting-on-customer":
                status = CaseStatus.WaitingOnCustomer;
                return true;
            case "resolved":
                status = CaseStatus.Resolved;
                return true;
            case "closed":
                status = CaseStatus.Closed;
                return true;
            default:
                status = default;
                return false;
        }
    }

    public static string DisplayName(this CaseStatus status) => status switch
    {
        CaseStatus.Open => "Open",
        CaseStatus.WaitingOnCustomer => "Waiting on customer",
        CaseStatus.Resolved => "Resolved",
        CaseStatus.Closed => "Closed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };
}
