namespace SupportConsole.Features.Sla;

/// <summary>What a threshold job found when it ran.</summary>
public enum ThresholdOutcome
{
    Recorded,
    AlreadyRecorded,
    NotApplicable,
    Stale,
    Early,
}
