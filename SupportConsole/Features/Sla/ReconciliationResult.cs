using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Notifications;

namespace SupportConsole.Features.Sla;

/// <summary>What one pass did, as the jobs overview shows it.</summary>
public sealed record ReconciliationResult(int Cases, int Moved, int Scheduled, int Cancelled, int AtRisk, int Breached, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"{Cases} open cases checked; {Moved} deadlines moved; {Scheduled} jobs scheduled, {Cancelled} stale cancelled; {AtRisk} at risk and {Breached} breaches recorded; {Elapsed.TotalMilliseconds:0} ms";
}
