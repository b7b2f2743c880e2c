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

/// <summary>One notification as the bell lists it.</summary>
public sealed record NotificationItem(long Id, string Kind, string Title, string Body, string Link, DateTimeOffset CreatedAt, bool IsRead);
