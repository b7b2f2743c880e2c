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

/// <summary>What a threshold job found when it ran.</summary>
public enum ThresholdOutcome
{
    Recorded,
    AlreadyRecorded,
    NotApplicable,
    Stale,
    Early,
}
