using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SupportConsole.Data;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Escalations;
using SupportConsole.Features.Staff;
using SupportConsole.Tests.Features.Escalations;

namespace SupportConsole.Tests.Features.Staff;

/// <summary>
/// The desk for <see cref="StaffApiTests"/>: the demo accounts, and people the tests create through the API.
/// <para>Saving a profile raises the roster's time-off event, which re-assesses that person's unstarted escalations in
/// the background. These tests check the API's answers, not that job (the escalation tests do), so here the escalation
/// subscriptions listen to a roster of their own that nobody saves through: a background re-assessment can never move an
/// escalation a test has just given someone.</para>
/// </summary>
public sealed class StaffApiFixture : EngineeringDeskHost
{
    protected override void Configure(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton(sp => new EscalationSubscriptions(
            sp.GetRequiredService<CaseChangeNotifier>(),
            ActivatorUtilities.CreateInstance<StaffRoster>(sp),
            sp.GetRequiredService<EscalationClock>(),
            sp.GetRequiredService<IBackgroundJobClient>(),
            sp.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>(),
            sp.GetRequiredService<ILogger<EscalationSubscriptions>>())));
}
