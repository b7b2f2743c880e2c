namespace SupportConsole.Domain.Plans;

public static class SupportPlanNames
{
    /// <summary>The plan's name in the API (<c>pro-plus</c>, <c>free</c>).</summary>
    public static string ToApiName(this SupportPlan plan) => plan switch
    {
        SupportPlan.ProPlus => "pro-plus",
        _ => "free",
    };

    public static bool TryParseApiName(string? value, out SupportPlan plan)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "pro-plus":
                plan = SupportPlan.ProPlus;
                return true;
            case "free":
                plan = SupportPlan.FreeSupport;
                return true;
            default:
                plan = default;
                return false;
        }
    }

    public static string DisplayName(this SupportPlan plan) => plan switch
    {
        SupportPlan.ProPlus => "Pro Plus",
        _ => "Free Support",
    };
}
