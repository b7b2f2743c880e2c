using System.Globalization;
using SupportConsole.Domain.Customers;
using SupportConsole.Domain.Plans;

namespace SupportConsole.Features.PlanTerm;

/// <summary>How a customer's Pro Plus term stands on a Central date, for the customer page.</summary>
public sealed record PlanTermStatus(PlanTermState State, DateOnly TermStart, DateOnly TermEnd, int? DaysLeft, string Text)
{
    /// <summary>Derived from the dates (routing follows the same dates) and whether an earlier term was recorded as ended.</summary>
    public static PlanTermStatus Of(Customer customer, DateOnly today, bool earlierTermEnded)
    {
        ArgumentNullException.ThrowIfNull(customer);
        var start = customer.TermStart;
        var end = customer.TermEnd;
        if (customer.Plan != SupportPlan.ProPlus)
        {
            return new(PlanTermState.NotProPlus, start, end, null, "Free Support");
        }
        if (today < start)
        {
            return new(PlanTermState.NotStarted, start, end, null, Invariant($"Pro Plus starts on {start:yyyy-MM-dd}; Free Support until then"));
        }
        if (today > end)
        {
            return new(PlanTermState.Ended, start, end, null, Invariant($"Pro Plus ended on {end:yyyy-MM-dd}: now on Free Support"));
        }
        var daysLeft = end.DayNumber - today.DayNumber;
        if (daysLeft <= 30)
        {
            return new(PlanTermState.EndingSoon, start, end, daysLeft, daysLeft == 0 ? "Pro Plus ends today" : Invariant($"Pro Plus ends in {daysLeft} day{(daysLeft == 1 ? "" : "s")} ({end:yyyy-MM-dd})"));
        }
        return earlierTermEnded
            ? new(PlanTermState.Renewed, start, end, daysLeft, Invariant($"Pro Plus renewed: {start:yyyy-MM-dd} to {end:yyyy-MM-dd}"))
            : new(PlanTermState.Active, start, end, daysLeft, Invariant($"Pro Plus active until {end:yyyy-MM-dd}"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
