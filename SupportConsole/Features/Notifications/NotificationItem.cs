namespace SupportConsole.Features.Notifications;

/// <summary>One notification as the bell lists it.</summary>
public sealed record NotificationItem(long Id, string Kind, string Title, string Body, string Link, DateTimeOffset CreatedAt, bool IsRead);
