using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Cases;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Intake;

/// <summary><c>POST /api/cases</c>: a case from another system, with an optional Idempotency-Key.</summary>
internal static class IntakeEndpoints
{
    public static void MapIntakeEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapApi();
        api.MapPost("/cases", async (NewCaseDto? body, HttpRequest http, CaseIntake intake, IDbContextFactory<SupportConsoleDbContext> dbFactory, TimeProvider clock) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (body is null)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the case as JSON: { from, name, subject, body, severity }."] });
            }
            var severity = CaseSeverity.Normal;
            if (body.Severity is { } number && !CaseSeverityNames.TryFromNumber(number, out severity))
            {
                errors["severity"] = ["Severity is 1 (critical) to 4 (question)."];
            }
            DateTimeOffset? receivedAt = null;
            if (body.ReceivedAt is not null)
            {
                if (ApiFormat.TryParseInstant(body.ReceivedAt, out var imported, out var instantError))
                {
                    receivedAt = imported;
                }
                else
                {
                    errors["receivedAt"] = [instantError!];
                }
            }
            var history = History(body, errors);
            var idempotencyKey = http.Headers["Idempotency-Key"].FirstOrDefault()?.Trim();
            var request = new IntakeRequest(
                CaseChannel.Api, body.From ?? "", body.Name, body.Subject ?? "", body.Body ?? "", severity,
                receivedAt, string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey, History: history);
            foreach (var (field, messages) in CaseIntake.Check(request, clock.GetUtcNow(), out _, out _))
            {
                errors.TryAdd(field, messages);
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "The case is not valid.");
            }
            try
            {
                var result = await intake.AcceptAsync(request);
                if (result.DifferentRequest)
                {
                    return Results.Problem(
                        statusCode: StatusCodes.Status422UnprocessableEntity,
                        title: "The Idempotency-Key was used for a different request.",
                        detail: $"The Idempotency-Key '{Shorten(idempotencyKey!)}' already created a case from a different request; nothing was stored. Retry with the same request, or send a new key for a new case.");
                }
                await using var db = await dbFactory.CreateDbContextAsync();
                var dto = (await CaseDto.ListAsync(db, [result.Case], clock.GetUtcNow()))[0];
                return result.Created ? Results.Created($"/api/cases/{dto.Number}", dto) : Results.Ok(dto);
            }
            catch (IntakeValidationException e)
            {
                return Results.ValidationProblem(e.Errors.ToDictionary(), title: "The case is not valid.");
            }
        });
    }

    /// <summary>The import's history fields, parsed; null when none was sent. Unparseable fields go to <paramref name="errors"/>.</summary>
    private static ImportedHistory? History(NewCaseDto body, Dictionary<string, string[]> errors)
    {
        if (body.FirstRespondedAt is null && body.Status is null && body.ClosedAt is null)
        {
            return null;
        }
        DateTimeOffset? responded = null;
        if (body.FirstRespondedAt is not null)
        {
            if (ApiFormat.TryParseInstant(body.FirstRespondedAt, out var at, out var error))
            {
                responded = at;
            }
            else
            {
                errors["firstRespondedAt"] = [error!];
            }
        }
        CaseStatus? status = null;
        if (body.Status is not null)
        {
            if (CaseStatusNames.TryParseApiName(body.Status, out var parsed))
            {
                status = parsed;
            }
            else
            {
                errors["status"] = ["Status is open, waiting-on-customer, resolved or closed."];
            }
        }
        DateTimeOffset? closed = null;
        if (body.ClosedAt is not null)
        {
            if (ApiFormat.TryParseInstant(body.ClosedAt, out var at, out var error))
            {
                closed = at;
            }
            else
            {
                errors["closedAt"] = [error!];
            }
        }
        return new ImportedHistory(responded, status, closed);
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
