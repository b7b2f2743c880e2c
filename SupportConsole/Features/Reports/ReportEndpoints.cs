using System.Security.Claims;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Hosting;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Reports;

/// <summary>
/// <c>GET /api/reports/sla</c> (API key; JSON or CSV) and its cases, and the reports page's downloads under
/// <c>/reports/</c> (a manager's sign-in, roles checked in the database at the moment of the download).
/// </summary>
internal static class ReportEndpoints
{
    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapApi();
        api.MapGet("/reports/sla", (HttpRequest http, SlaReports reports, CancellationToken cancellationToken) =>
            RowsAsync(http, reports, http.Query["format"].FirstOrDefault(), cancellationToken));
        api.MapGet("/reports/sla/cases", (HttpRequest http, SlaReports reports, CancellationToken cancellationToken) =>
            CasesAsync(http, reports, cancellationToken));
        api.MapGet("/reports/pickup", (HttpRequest http, SlaReports reports, CancellationToken cancellationToken) =>
            PickupAsync(http, reports, http.Query["format"].FirstOrDefault(), cancellationToken));
        api.MapGet("/reports/pickup/escalations", (HttpRequest http, SlaReports reports, CancellationToken cancellationToken) =>
            PickupCasesAsync(http, reports, http.Query["format"].FirstOrDefault(), cancellationToken));

        app.MapGet("/reports/sla.csv", async (HttpRequest http, ClaimsPrincipal user, ActingUser acting, SlaReports reports, CancellationToken cancellationToken) =>
            await RefusalAsync(user, acting, cancellationToken) ?? await RowsAsync(http, reports, "csv", cancellationToken))
            .RequireAuthorization(Policies.Management);
        app.MapGet("/reports/sla/cases.csv", async (HttpRequest http, ClaimsPrincipal user, ActingUser acting, SlaReports reports, CancellationToken cancellationToken) =>
            await RefusalAsync(user, acting, cancellationToken) ?? await CasesAsync(http, reports, cancellationToken, csv: true))
            .RequireAuthorization(Policies.Management);
        app.MapGet("/reports/pickup.csv", async (HttpRequest http, ClaimsPrincipal user, ActingUser acting, SlaReports reports, CancellationToken cancellationToken) =>
            await RefusalAsync(user, acting, cancellationToken) ?? await PickupAsync(http, reports, "csv", cancellationToken))
            .RequireAuthorization(Policies.Management);
        app.MapGet("/reports/pickup/escalations.csv", async (HttpRequest http, ClaimsPrincipal user, ActingUser acting, SlaReports reports, CancellationToken cancellationToken) =>
            await RefusalAsync(user, acting, cancellationToken) ?? await PickupCasesAsync(http, reports, "csv", cancellationToken))
            .RequireAuthorization(Policies.Management);
    }

    /// <summary>The Tier 2-3 pickup table for the range: one row per tier (JSON or CSV).</summary>
    private static async Task<IResult> PickupAsync(HttpRequest http, SlaReports reports, string? format, CancellationToken cancellationToken)
    {
        if (ReportQuery.Parse(http, reports.Today, out var errors) is not { } query || BadFormat(format, errors))
        {
            return Results.ValidationProblem(errors, title: "The report query is not valid.");
        }
        var rows = await reports.PickupAsync(query.Range, cancellationToken);
        return IsCsv(format)
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(ReportCsv.Pickup(rows)), ReportCsv.ContentType, FileName("pickup-report", query))
            : Results.Ok(rows.Select(r => new { tier = r.Tier.Number(), r.Due, r.Met, r.Missed, r.Pending, r.Compliance }).ToList());
    }

    /// <summary>The escalations behind the pickup table, of one tier (<c>tier=2|3</c>) and outcome when asked.</summary>
    private static async Task<IResult> PickupCasesAsync(HttpRequest http, SlaReports reports, string? format, CancellationToken cancellationToken)
    {
        var query = ReportQuery.Parse(http, reports.Today, out var errors);
        Domain.Calendar.SupportTier? tier = null;
        if (http.Query["tier"].FirstOrDefault() is { Length: > 0 } tierText)
        {
            if (int.TryParse(tierText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                && Domain.Calendar.SupportTiers.TryFromNumber(number, out var parsed) && parsed.IsEngineering())
            {
                tier = parsed;
            }
            else
            {
                errors["tier"] = ["tier is 2 or 3."];
            }
        }
        if (query is null || BadFormat(format, errors) || errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The report query is not valid.");
        }
        var cases = await reports.PickupCasesAsync(query.Range, tier, query.Outcome, cancellationToken);
        return IsCsv(format)
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(ReportCsv.PickupCases(cases)), ReportCsv.ContentType, FileName("pickup-escalations", query))
            : Results.Ok(cases.Select(c => new
            {
                number = Domain.Intake.CaseNumber.Format(c.Number),
                c.Subject,
                c.Customer,
                tier = c.Tier.Number(),
                escalatedAt = ApiFormat.Instant(c.EscalatedAt),
                pickupDueAt = ApiFormat.Instant(c.PickupDueAt),
                pickedUpAt = ApiFormat.Instant(c.PickedUpAt),
                c.Engineer,
                outcome = Domain.Reports.SlaOutcomeNames.ToApiName(c.Outcome),
            }).ToList());
    }

    private static async Task<IResult> RowsAsync(HttpRequest http, SlaReports reports, string? format, CancellationToken cancellationToken)
    {
        if (ReportQuery.Parse(http, reports.Today, out var errors) is not { } query || BadFormat(format, errors))
        {
            return Results.ValidationProblem(errors, title: "The report query is not valid.");
        }
        var rows = await reports.RowsAsync(query.Range, query.Grouping, cancellationToken);
        return IsCsv(format)
            ? Results.File(System.Text.Encoding.UTF8.GetBytes(ReportCsv.Rows(rows)), ReportCsv.ContentType, FileName("sla-report", query))
            : Results.Ok(rows.Select(SlaReportRowDto.From).ToList());
    }

    private static async Task<IResult> CasesAsync(HttpRequest http, SlaReports reports, CancellationToken cancellationToken, bool csv = false)
    {
        var format = csv ? "csv" : http.Query["format"].FirstOrDefault();
        if (ReportQuery.Parse(http, reports.Today, out var errors) is not { } query || BadFormat(format, errors))
        {
            return Results.ValidationProblem(errors, title: "The report query is not valid.");
        }
        if (IsCsv(format))
        {
            return Results.Stream(
                output => ReportCsv.WriteCasesAsync(output, reports.AllCasesAsync(query.Range, query.Grouping, query.Key, query.Outcome, cancellationToken), cancellationToken),
                ReportCsv.ContentType, FileName("sla-cases", query));
        }
        var list = await reports.CasesAsync(query.Range, query.Grouping, query.Key, query.Outcome, limit: null, cancellationToken: cancellationToken);
        return Results.Ok(list.Cases.Select(c => new
        {
            number = Domain.Intake.CaseNumber.Format(c.Number),
            c.Subject,
            c.Customer,
            queue = Domain.Cases.CaseQueueNames.ToApiName(c.Queue),
            severity = (int)c.Severity,
            channel = Domain.Cases.CaseChannelNames.ToApiName(c.Channel),
            agent = c.Agent,
            status = Domain.Cases.CaseStatusNames.ToApiName(c.Status),
            receivedAt = ApiFormat.Instant(c.ReceivedAt),
            firstResponseDueAt = ApiFormat.Instant(c.DueAt),
            firstRespondedAt = ApiFormat.Instant(c.FirstRespondedAt),
            responseBusinessSeconds = c.ResponseBusinessSeconds,
            outcome = Domain.Reports.SlaOutcomeNames.ToApiName(c.Outcome),
        }).ToList());
    }

    private static bool IsCsv(string? format) => string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);

    private static bool BadFormat(string? format, Dictionary<string, string[]> errors)
    {
        if (format is null || IsCsv(format) || string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return errors.Count > 0;
        }
        errors["format"] = ["format is json or csv."];
        return true;
    }

    private static string FileName(string stem, ReportQuery query) =>
        $"{stem}-{ApiFormat.Date(query.Range.From)}-to-{ApiFormat.Date(query.Range.To)}{(query.Grouping == Domain.Reports.ReportGrouping.None ? "" : "-by-" + Domain.Reports.ReportGroupingNames.ToApiName(query.Grouping))}.csv";

    /// <summary>The account is checked as it is now: a demoted manager's old cookie downloads nothing.</summary>
    private static async Task<IResult?> RefusalAsync(ClaimsPrincipal user, ActingUser acting, CancellationToken cancellationToken)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null)
        {
            return Results.Forbid();
        }
        return await acting.RefusalAsync(id, Policies.RolesByPolicy[Policies.Management], cancellationToken) is { } refusal
            ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: refusal)
            : null;
    }
}
