namespace SupportConsole.Domain.Reports;

/// <summary>What the SLA report's rows are: one per queue, severity, customer, agent, channel or week, or one for all.</summary>
public enum ReportGrouping
{
    None = 0,
    Queue = 1,
    Severity = 2,
    Customer = 3,
    Agent = 4,
    Channel = 5,
    Week = 6,
}
