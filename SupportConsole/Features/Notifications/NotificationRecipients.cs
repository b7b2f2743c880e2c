namespace SupportConsole.Features.Notifications;

/// <summary>Who receives what: resolved from the account roles (disabled accounts never receive anything).</summary>
public sealed record NotificationRecipients(IReadOnlyList<string> Tier1, IReadOnlyList<string> Managers);
