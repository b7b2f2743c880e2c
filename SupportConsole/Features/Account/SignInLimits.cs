namespace SupportConsole.Features.Account;

/// <summary>The sign-in throttling settings (<c>Accounts:*</c>), read once at start-up.</summary>
public sealed record SignInLimits(
    int PermitLimit,
    TimeSpan Window,
    int SlowDownAfterFailures,
    TimeSpan SlowDownWindow,
    TimeSpan SlowDown,
    TimeSpan MaxQueueWait)
{
    public static SignInLimits From(IConfiguration configuration) => new(
        PermitLimit: configuration.GetValue("Accounts:SignInPermitLimit", 20),
        Window: TimeSpan.FromSeconds(configuration.GetValue("Accounts:SignInWindowSeconds", 300)),
        SlowDownAfterFailures: configuration.GetValue("Accounts:SlowDownAfterFailures", 5),
        SlowDownWindow: TimeSpan.FromMinutes(configuration.GetValue("Accounts:SlowDownWindowMinutes", 15)),
        SlowDown: TimeSpan.FromSeconds(configuration.GetValue("Accounts:SlowDownSeconds", 2.0)),
        MaxQueueWait: TimeSpan.FromSeconds(10));
}
