namespace SupportConsole.Domain.Reports;

/// <summary>The ranges a manager picks on the reports page.</summary>
public enum ReportPeriod
{
    Last7Days = 0,
    Last30Days = 1,
    Last90Days = 2,
    ThisQuarter = 3,
    Custom = 4,
}
