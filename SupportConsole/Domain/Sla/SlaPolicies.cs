using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Plans;

namespace SupportConsole.Domain.Sla;

/// <summary>The policy of each plan and its queue: Pro Plus feeds the priority queue, everyone else the standard one.</summary>
public sealed record SlaPolicies(SlaPolicy Priority, SlaPolicy Standard)
{
    /// <summary>Pro Plus 24h with 4h at risk; Free Support without a target.</summary>
    public static SlaPolicies Default { get; } = new(SlaPolicy.ProPlusDefault, SlaPolicy.NoCommitment);

    public SlaPolicy For(SupportPlan plan) => plan == SupportPlan.ProPlus ? Priority : Standard;

    public SlaPolicy For(CaseQueue queue) => queue == CaseQueue.Priority ? Priority : Standard;
}
