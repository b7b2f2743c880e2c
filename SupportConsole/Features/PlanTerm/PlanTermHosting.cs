namespace SupportConsole.Features.PlanTerm;

public static class PlanTermHosting
{
    /// <summary>The plan term's milestones (welcome, reminders, end to Free Support) and their daily job.</summary>
    public static void AddPlanTerm(this WebApplicationBuilder builder)
    {
        builder.Services.AddTransient<PlanTermTracker>();
        builder.Services.AddTransient<PlanTermJob>();
    }
}
