using SupportConsole.Features.Macros;

namespace SupportConsole.Features.Cases;

public static class CasesHosting
{
    /// <summary>The case desk (what agents do to a case), the reader behind the case page, list change requests and the change notifier.</summary>
    public static void AddCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CaseChangeNotifier>();
        builder.Services.AddSingleton<CaseDesk>();
        builder.Services.AddSingleton<CaseReader>();
        builder.Services.AddSingleton<CaseSearch>();
        builder.Services.AddSingleton<AttachmentStore>();
        builder.Services.AddSingleton<EscalationSettings>();
        builder.Services.AddSingleton<CaseTimeline>();
        builder.Services.AddSingleton<ListChangeRequests>();
        builder.Services.AddSingleton<SenderConfirmations>();
        builder.Services.AddSingleton<CaseViews>();
        // Macros have no hosting line of their own: the case page is where they are used.
        builder.Services.AddMacros();
    }

    public static void MapCases(this WebApplication app) => app.MapCaseEndpoints();
}
