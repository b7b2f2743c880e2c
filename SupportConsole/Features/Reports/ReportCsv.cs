using System.Globalization;
using System.Text;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Reports;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Reports;

/// <summary>
/// The report's CSV (RFC 4180, a header line, invariant culture): the table as the API's rows, and the cases behind it.
/// Text that a spreadsheet would run as a formula (starting with =, +, - or @) is prefixed with an apostrophe.
/// </summary>
public static class ReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const string RowsHeader = "key,due,met,missed,pending,compliance,p50Seconds,p90Seconds,p99Seconds";

    public const string CasesHeader = "number,subject,customer,queue,severity,channel,agent,status,receivedAt,firstResponseDueAt,firstRespondedAt,responseBusinessSeconds,outcome";

    public const string PickupHeader = "tier,due,met,missed,pending,compliance";

    public const string PickupCasesHeader = "number,subject,customer,tier,escalatedAt,pickupDueAt,pickedUpAt,engineer,outcome";

    /// <summary>The Tier 2-3 pickup table: one line per tier.</summary>
    public static string Pickup(IEnumerable<PickupFigures> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder().Append(PickupHeader).Append("\r\n");
        foreach (var r in rows)
        {
            csv.Append(Number(SupportTiers.Number(r.Tier))).Append(',')
                .Append(Number(r.Due)).Append(',').Append(Number(r.Met)).Append(',').Append(Number(r.Missed)).Append(',').Append(Number(r.Pending)).Append(',')
                .Append(r.Compliance is { } c ? c.ToString("0.####", CultureInfo.InvariantCulture) : "").Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>The escalations behind the pickup table.</summary>
    public static string PickupCases(IEnumerable<PickupCase> cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var csv = new StringBuilder().Append(PickupCasesHeader).Append("\r\n");
        foreach (var c in cases)
        {
            csv.Append(string.Join(',',
                CaseNumber.Format(c.Number), Field(c.Subject), Field(c.Customer ?? ""), Number(SupportTiers.Number(c.Tier)), ApiFormat.Instant(c.EscalatedAt),
                ApiFormat.Instant(c.PickupDueAt), ApiFormat.Instant(c.PickedUpAt) ?? "", Field(c.Engineer ?? ""), c.Outcome.ToApiName())).Append("\r\n");
        }
        return csv.ToString();
    }

    public static string Rows(IEnumerable<SlaReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder().Append(RowsHeader).Append("\r\n");
        foreach (var r in rows)
        {
            csv.Append(Field(r.Key)).Append(',')
                .Append(Number(r.Due)).Append(',').Append(Number(r.Met)).Append(',').Append(Number(r.Missed)).Append(',').Append(Number(r.Pending)).Append(',')
                .Append(r.Compliance is { } c ? c.ToString("0.####", CultureInfo.InvariantCulture) : "").Append(',')
                .Append(Number(r.P50Seconds)).Append(',').Append(Number(r.P90Seconds)).Append(',').Append(Number(r.P99Seconds)).Append("\r\n");
        }
        return csv.ToString();
    }

    public static string CaseLine(ReportCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return string.Join(',',
            CaseNumber.Format(c.Number), Field(c.Subject), Field(c.Customer), c.Queue.ToApiName(), Number((int)c.Severity), c.Channel.ToApiName(),
            Field(c.Agent), c.Status.ToApiName(), ApiFormat.Instant(c.ReceivedAt), ApiFormat.Instant(c.DueAt), ApiFormat.Instant(c.FirstRespondedAt) ?? "",
            Number(c.ResponseBusinessSeconds), c.Outcome.ToApiName()) + "\r\n";
    }

    /// <summary>Writes the header and every case as it streams from the database.</summary>
    public static async Task WriteCasesAsync(Stream output, IAsyncEnumerable<ReportCase> cases, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cases);
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(CasesHeader + "\r\n");
        await foreach (var c in cases.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(CaseLine(c));
        }
        await writer.FlushAsync(cancellationToken);
    }

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Field(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
