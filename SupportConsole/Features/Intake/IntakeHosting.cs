using SupportConsole.Features.Intake.IncomingMail;
using SupportConsole.Features.Intake.Phone;
using SupportConsole.Features.Intake.WebForm;

namespace SupportConsole.Features.Intake;

public static class IntakeHosting
{
    /// <summary>Every way a case arrives: the API, incoming mail (SMTP, IMAP), the public web form and phone calls.</summary>
    public static void AddIntake(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CaseIntake>();
        builder.AddIncomingMail();
        builder.AddWebForm();
        builder.Services.AddSingleton<PhoneCallLog>();
    }

    public static void MapIntake(this WebApplication app)
    {
        app.MapIntakeEndpoints();
        app.MapIncomingMail();
    }
}
