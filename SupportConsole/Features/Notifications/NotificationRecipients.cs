using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.OutgoingMail;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Notifications;

/// <summary>Who receives what: resolved from the account roles (disabled accounts never receive anything).</summary>
public sealed record NotificationRecipients(IReadOnlyList<string> Tier1, IReadOnlyList<string> Managers);
