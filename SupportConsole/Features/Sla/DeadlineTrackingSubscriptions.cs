using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;

namespace SupportConsole.Features.Sla;

/// <summary>New cases get their jobs at once; a holiday change re-derives every waiting case's deadline.</summary>
public sealed class DeadlineTrackingSubscriptions(CaseChangeNotifier notifier, BusinessCalendar calendar, DeadlineTracker tracker) : IDisposable
{
    private IDisposable? created;
    private int started;

    public void Start()
    {
        if (Interlocked.Exchange(ref started, 1) == 1)
        {
            return;
        }
        created = notifier.SubscribeToThisInstance(change => change.Kind is CaseChangeKind.Created or CaseChangeKind.Rerouted ? tracker.TrackAsync(change.CaseId) : Task.CompletedTask);
        calendar.Changed += OnCalendarChanged;
    }

    private Task OnCalendarChanged(Domain.Calendar.TierCalendar _) => tracker.RederiveAsync();

    public void Dispose()
    {
        created?.Dispose();
        calendar.Changed -= OnCalendarChanged;
    }
}
