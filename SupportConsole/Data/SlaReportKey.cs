namespace SupportConsole.Data;

/// <summary>What the SLA report groups by, in the database's terms (the feature maps its own groupings onto these).</summary>
public enum SlaReportKey
{
    /// <summary>One group for everything (key "").</summary>
    All = 0,

    /// <summary>The queue's stored number.</summary>
    Queue = 1,

    /// <summary>The severity's number.</summary>
    Severity = 2,

    /// <summary>The customer id, "" for none.</summary>
    Customer = 3,

    /// <summary>The assignee's user id, "" for unassigned.</summary>
    Assignee = 4,

    /// <summary>The channel's stored number.</summary>
    Channel = 5,

    /// <summary>The Monday (yyyy-MM-dd) of the Central due date's week.</summary>
    Week = 6,
}
