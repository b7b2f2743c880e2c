namespace SupportConsole.Features.Intake.Phone;

public static class PhoneIntakeHosting
{
    public static void AddPhoneIntake(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PhoneCallLog>();
    }
}
