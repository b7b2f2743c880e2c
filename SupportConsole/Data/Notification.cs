namespace SupportConsole.Data;

/// <summary>An in-app notification for one person; breach notifications to managers are also emailed in a batch.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public string RecipientUserId { get; set; } = "";
    public long? CaseId { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string Link { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }

    /// <summary>Set when the notification is to go out by email (breaches to managers) and cleared into EmailedAtUtc when batched.</summary>
    public bool EmailPending { get; set; }
    public DateTime? EmailedAtUtc { get; set; }
}
