namespace SupportConsole.Features.Reports;

/// <summary>How long first responses took, in Tier 1 business hours: one count per bucket, labels alike.</summary>
public sealed record ResponseHistogram(IReadOnlyList<string> Labels, IReadOnlyList<long> Counts)
{
    /// <summary>Bucket bounds in business hours: under 1, 1-2, 2-4, 4-8, 8-12, 12-24 (the commitment), 24-36, 36 and over.</summary>
    public static readonly IReadOnlyList<int> BoundsInHours = [1, 2, 4, 8, 12, 24, 36];

    public static IReadOnlyList<string> BucketLabels { get; } =
        [.. BoundsInHours.Select((b, i) => i == 0 ? $"< {b}h" : $"{BoundsInHours[i - 1]}-{b}h"), $"≥ {BoundsInHours[^1]}h"];
}
