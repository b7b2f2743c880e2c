using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Intake;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Calls;

/// <summary>Call slots, booking, reschedule and cancel under <c>/api</c>.</summary>
internal static class CallEndpoints
{
    public static void MapCallEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapApi();
        api.MapGet("/cases/{number}/calls/slots", async (string number, int? durationMinutes, int? days, string? engineer, CallBook calls, CallOptions options,
            IDbContextFactory<SupportConsoleDbContext> dbFactory, CancellationToken cancellationToken) =>
        {
            var (found, engineerUser, problem) = await ResolveAsync(dbFactory, number, engineer, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            var duration = TimeSpan.FromMinutes(durationMinutes ?? (int)options.DefaultDuration.TotalMinutes);
            if (durationMinutes is < CallOptions.MinDurationMinutes or > CallOptions.MaxDurationMinutes || duration.TotalMinutes % 15 != 0)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["durationMinutes"] = ["A call lasts 15 to 240 minutes, in quarter hours."] });
            }
            if (days is < 1 or > 20)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["days"] = ["days is 1 to 20 business days."] });
            }
            var slots = await calls.SlotsAsync(engineerUser!.Id, duration, days ?? options.SlotDays, cancellationToken: cancellationToken);
            return Results.Ok(slots.Select(s => new SlotDto(ApiFormat.Instant(s.Start), ApiFormat.Instant(s.End), engineerUser.Email!)));
        });

        api.MapPost("/cases/{number}/calls", async (string number, NewCallDto? body, CallBook calls, CallOptions options,
            IDbContextFactory<SupportConsoleDbContext> dbFactory, CancellationToken cancellationToken) =>
        {
            var (found, engineerUser, problem) = await ResolveAsync(dbFactory, number, body?.Engineer, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
            if (!ApiFormat.TryParseInstant(body?.Start, out var start, out var error))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["start"] = [error!] });
            }
            var duration = TimeSpan.FromMinutes(body!.DurationMinutes ?? (int)options.DefaultDuration.TotalMinutes);
            var result = await calls.BookAsync(new CallDraft(found!.Id, engineerUser!.Id, start, duration, found.FromAddress, found.FromName,
                $"Call about case {CaseNumber.Format(found.Number)}: {found.Subject}", "API"), cancellationToken);
            return result.Call is { } call
                ? Results.Created($"/api/calls/{call.Id}", CallDto.Of(call))
                : result.SlotTaken
                    ? Results.Problem(statusCode: 409, title: "The slot is not free", detail: result.Message)
                    : Results.ValidationProblem(new Dictionary<string, string[]> { ["start"] = [result.Message] }, title: "The call cannot be booked.");
        });

        api.MapPut("/calls/{id:long}", async (long id, CallChangeDto? body, CallBook calls, CancellationToken cancellationToken) =>
        {
            if (await calls.FindAsync(id, cancellationToken) is not { } existing)
            {
                return Results.Problem(statusCode: 404, title: "No such call", detail: $"There is no call {id}.");
            }
            if (!ApiFormat.TryParseInstant(body?.Start, out var start, out var error))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["start"] = [error!] });
            }
            var duration = body!.DurationMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : existing.End - existing.Start;
            var result = await calls.RescheduleAsync(id, start, duration, "API", cancellationToken);
            return result.Call is { } call
                ? Results.Ok(CallDto.Of(call))
                : result.SlotTaken
                    ? Results.Problem(statusCode: 409, title: "The slot is not free", detail: result.Message)
                    : Results.Problem(statusCode: 409, title: "The call cannot be moved", detail: result.Message);
        });

        api.MapDelete("/calls/{id:long}", async (long id, CallBook calls, CancellationToken cancellationToken) =>
        {
            if (await calls.FindAsync(id, cancellationToken) is null)
            {
                return Results.Problem(statusCode: 404, title: "No such call", detail: $"There is no call {id}.");
            }
            var result = await calls.CancelAsync(id, "API", cancellationToken);
            return result.Succeeded ? Results.NoContent() : Results.Problem(statusCode: 409, title: "The call cannot be cancelled", detail: result.Message);
        });
    }

    /// <summary>The case and the engineer a call request names; the engineer defaults to the case's open escalation's.</summary>
    private static async Task<(Domain.Cases.SupportCase? Case, AgentUser? Engineer, IResult? Problem)> ResolveAsync(
        IDbContextFactory<SupportConsoleDbContext> dbFactory, string number, string? engineerEmail, CancellationToken cancellationToken)
    {
        if (!CaseNumber.TryParseReference(number, out var n))
        {
            return (null, null, ApiEndpoints.BadCaseNumber(number));
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Number == n, cancellationToken);
        if (found is null)
        {
            return (null, null, Results.Problem(statusCode: 404, title: "No such case", detail: $"There is no case {CaseNumber.Format(n)}."));
        }
        AgentUser? engineer;
        if (!string.IsNullOrWhiteSpace(engineerEmail))
        {
            engineer = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == engineerEmail.Trim().ToUpperInvariant() && !u.IsDisabled, cancellationToken);
        }
        else
        {
            var assignee = await db.Escalations.AsNoTracking().Where(e => e.CaseId == found.Id && e.EndedAtUtc == null).Select(e => e.AssigneeId).FirstOrDefaultAsync(cancellationToken);
            engineer = assignee is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == assignee && !u.IsDisabled, cancellationToken);
        }
        return engineer is null
            ? (found, null, Results.ValidationProblem(new Dictionary<string, string[]> { ["engineer"] = ["Name an active engineer's email (the case has no assigned engineer to default to)."] }))
            : (found, engineer, null);
    }
}
