namespace SupportConsole.Domain.Cases;

public static class CaseQueueNames
{
    /// <summary>The queue's name in the API: <c>priority</c> or <c>standard</c>.</summary>
    public static string ToApiName(this CaseQueue queue) => queue switch
    {
        CaseQueue.Priority => "priority",
        CaseQueue.Standard => "standard",
        _ => throw new ArgumentOutOfRangeException(nameof(queue), queue, "Unknown queue."),
    };

    /// <summary>Reads <c>priority</c> or <c>standard</c> (any case); numbers and anything else are refused.</summary>
    public static bool TryParseApiName(string? value, out CaseQueue queue)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "priority":
                queue = CaseQueue.Priority;
                return true;
            case "standard":
                queue = CaseQueue.Standard;
                return true;
            default:
                queue = default;
                return false;
        }
    }

    /// <summary>"Priority queue" or "Standard queue".</summary>
    public static string DisplayName(this CaseQueue queue) => queue == CaseQueue.Priority ? "Priority queue" : "Standard queue";
}
