using Hangfire;

namespace SupportConsole.Hosting;

/// <summary>One recurring Hangfire job: its id, the feature whose <c>*Job.cs</c> it runs, when, and what it is for.</summary>
public sealed record RecurringJob(string Id, string Feature, string Cron, TimeZoneInfo TimeZone, bool Enabled, string Purpose, Action<IRecurringJobManager, RecurringJob> Register);
