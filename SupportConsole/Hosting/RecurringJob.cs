using System.Linq.Expressions;
using Hangfire;
using SupportConsole.Features.Intake.IncomingMail;
using SupportConsole.Features.Notifications;
using SupportConsole.Features.OutgoingMail;
using SupportConsole.Features.PlanTerm;
using SupportConsole.Features.Sla;

namespace SupportConsole.Hosting;

/// <summary>One recurring Hangfire job: its id, the feature whose <c>*Job.cs</c> it runs, when, and what it is for.</summary>
public sealed record RecurringJob(string Id, string Feature, string Cron, TimeZoneInfo TimeZone, bool Enabled, string Purpose, Action<IRecurringJobManager, RecurringJob> Register);
