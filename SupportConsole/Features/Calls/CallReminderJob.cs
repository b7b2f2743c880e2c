namespace SupportConsole.Features.Calls;

/// <summary>24 hours and 15 minutes before a call: a reminder to both sides, unless it was moved or cancelled since.</summary>
public sealed class CallReminderJob(CallBook calls)
{
    [Hangfire.AutomaticRetry(Attempts = 3)]
    public Task RunAsync(long callId, DateTime startUtc, string when) => calls.RemindAsync(callId, startUtc, when);
}
