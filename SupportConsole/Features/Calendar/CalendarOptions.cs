using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Sla;

namespace SupportConsole.Features.Calendar;

/// <summary>Tier hours and SLA targets from configuration (<c>Calendar:*</c>, <c>Sla:*</c>); defaults are the Pro Plus plan's.</summary>
public sealed class CalendarOptions
{
    public string Tier1Open { get; set; } = "07:00";
    public string Tier1Close { get; set; } = "19:00";
    public string Tier23Open { get; set; } = "09:00";
    public string Tier23Close { get; set; } = "17:00";

    public double ProPlusFirstResponseHours { get; set; } = 24;
    public double AtRiskHours { get; set; } = 4;

    /// <summary>Optional first-response target for the standard queue (Free Support); none by default.</summary>
    public double? StandardFirstResponseHours { get; set; }

    /// <summary>Tier 2-3 pickup target for escalations, and its at-risk lead, in Tier 2-3 business hours.</summary>
    public double EscalationPickupHours { get; set; } = 4;

    public double EscalationPickupAtRiskHours { get; set; } = 1;

    public static CalendarOptions From(IConfiguration configuration)
    {
        var options = new CalendarOptions();
        configuration.GetSection("Calendar").Bind(options);
        options.ProPlusFirstResponseHours = configuration.GetValue("Sla:ProPlusFirstResponseHours", options.ProPlusFirstResponseHours);
        options.AtRiskHours = configuration.GetValue("Sla:AtRiskHours", options.AtRiskHours);
        options.StandardFirstResponseHours = configuration.GetValue<double?>("Sla:StandardFirstResponseHours");
        options.EscalationPickupHours = configuration.GetValue("Sla:EscalationPickupHours", options.EscalationPickupHours);
        options.EscalationPickupAtRiskHours = configuration.GetValue("Sla:EscalationPickupAtRiskHours", options.EscalationPickupAtRiskHours);
        return options;
    }

    public BusinessHours Tier1 => new(Parse(Tier1Open, "Calendar:Tier1Open"), Parse(Tier1Close, "Calendar:Tier1Close"));
    public BusinessHours Tier23 => new(Parse(Tier23Open, "Calendar:Tier23Open"), Parse(Tier23Close, "Calendar:Tier23Close"));

    public SlaPolicies Policies => new(
        new SlaPolicy(TimeSpan.FromHours(ProPlusFirstResponseHours), TimeSpan.FromHours(AtRiskHours)),
        new SlaPolicy(StandardFirstResponseHours is { } h ? TimeSpan.FromHours(h) : null, TimeSpan.FromHours(AtRiskHours)));

    public PickupPolicy Pickup => new(TimeSpan.FromHours(EscalationPickupHours), TimeSpan.FromHours(EscalationPickupAtRiskHours));

    private static TimeOnly Parse(string value, string key) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], out var time)
            ? time
            : throw new InvalidOperationException($"{key} must be a 24-hour time like 07:00, not '{value}'.");
}
