using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Sla;
using SupportConsole.Features.Api;
using SupportConsole.Features.Cases;

namespace SupportConsole.Features.Intake;

public sealed record NewCaseDto(string? From, string? Name, string? Subject, string? Body, int? Severity, string? ReceivedAt);

public sealed record NewReplyDto(string? Body, string? Author);

public sealed record CaseSlaDto(string State, string ClockStartsAt, string? FirstResponseDueAt, string? AtRiskAt, string? FirstRespondedAt);

public sealed record CaseDto(
    string Number, string Subject, string From, long? CustomerId, string Queue, string RoutingReason, string Channel,
    int Severity, string Status, string ReceivedAt, long ArrivalSequence, string? Assignee, int Tier, CaseSlaDto Sla)
{
    public static CaseDto Of(SupportCase c, string? assigneeEmail, DateTimeOffset now)
    {
        var deadline = c.Deadline();
        var state = c.SlaStateAt(now);
        return new CaseDto(
            CaseNumber.Format(c.Number), c.Subject, c.FromAddress, c.CustomerId, c.Queue.ToString().ToLowerInvariant(), c.RoutingReason,
            c.Channel.ToApiName(), (int)c.Severity, c.Status.ToApiName(), ApiFormat.Instant(new DateTimeOffset(c.ReceivedAtUtc)),
            c.ArrivalSequence, assigneeEmail, c.Tier,
            new CaseSlaDto(state.ToApiName(), ApiFormat.Instant(deadline.ClockStartsAt), ApiFormat.Instant(deadline.DueAt),
                ApiFormat.Instant(deadline.AtRiskAt), ApiFormat.Instant(c.FirstRespondedAt)));
    }
}

/// <summary><c>POST/GET /api/cases</c> and <c>GET /api/queues/{queue}</c>.</summary>
internal static class CaseEndpoints
{
    public static RouteGroupBuilder MapCaseApi(this RouteGroupBuilder api)
    {
        api.MapPost("/cases", async (NewCaseDto? body, HttpRequest http, CaseIntake intake, IDbContextFactory<SupportConsoleDbContext> dbFactory, TimeProvider clock) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (body is null)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the case as JSON: { from, name, subject, body, severity }."] });
            }
            var severity = Severity.Normal;
            if (body.Severity is { } number && !SeverityNames.TryFromNumber(number, out severity))
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
            var idempotencyKey = http.Headers["Idempotency-Key"].FirstOrDefault()?.Trim();
            var request = new IntakeRequest(
                CaseChannel.Api, body.From ?? "", body.Name, body.Subject ?? "", body.Body ?? "", severity,
                receivedAt, string.IsNullOrEmpty(idempotencyKey) ? null : idempotencyKey);
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
                var dto = await ToDtoAsync(dbFactory, result.Case, clock);
                return result.Created ? Results.Created($"/api/cases/{dto.Number}", dto) : Results.Ok(dto);
            }
            catch (IntakeValidationException e)
            {
                return Results.ValidationProblem(e.Errors.ToDictionary(), title: "The case is not valid.");
            }
        });

        api.MapGet("/cases/{number}", async (string number, IDbContextFactory<SupportConsoleDbContext> dbFactory, TimeProvider clock) =>
        {
            if (!CaseNumber.TryParse(number, out var n) && !long.TryParse(number, out n))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["number"] = [$"'{number}' is not a case number like SC-100042."] });
            }
            await using var db = await dbFactory.CreateDbContextAsync();
            var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Number == n);
            return found is null
                ? Results.Problem(statusCode: 404, title: "No such case", detail: $"There is no case {CaseNumber.Format(n)}.")
                : Results.Ok(await ToDtoAsync(dbFactory, found, clock));
        });

        api.MapPost("/cases/{number}/replies", async (string number, NewReplyDto? body, CaseDesk desk, IDbContextFactory<SupportConsoleDbContext> dbFactory, TimeProvider clock) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (!CaseNumber.TryParse(number, out var n) && !long.TryParse(number, out n))
            {
                errors["number"] = [$"'{number}' is not a case number like SC-100042."];
            }
            if (string.IsNullOrWhiteSpace(body?.Body))
            {
                errors["body"] = ["Write the reply's text."];
            }
            await using var db = await dbFactory.CreateDbContextAsync();
            AgentUser? author = null;
            if (string.IsNullOrWhiteSpace(body?.Author))
            {
                errors["author"] = ["Give the email of the agent who replies."];
            }
            else if ((author = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == body.Author.Trim().ToUpperInvariant() && !u.IsDisabled)) is null)
            {
                errors["author"] = [$"'{body.Author}' is not an active agent's email."];
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "The reply is not valid.");
            }
            var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Number == n);
            if (found is null)
            {
                return Results.Problem(statusCode: 404, title: "No such case", detail: $"There is no case {CaseNumber.Format(n)}.");
            }
            var result = await desk.ReplyAsync(found.Id, new Actor(author!.Id, author.NameOrEmail, author.Email ?? ""), body!.Body!);
            if (!result.Succeeded)
            {
                return Results.Problem(statusCode: 409, title: "The reply was not sent", detail: result.Message);
            }
            var updated = await db.Cases.AsNoTracking().FirstAsync(c => c.Id == found.Id);
            return Results.Created($"/api/cases/{CaseNumber.Format(n)}", await ToDtoAsync(dbFactory, updated, clock));
        });

        api.MapGet("/queues/{queue}", async (string queue, IDbContextFactory<SupportConsoleDbContext> dbFactory, TimeProvider clock) =>
        {
            if (!Enum.TryParse<CaseQueue>(queue, ignoreCase: true, out var which) || !Enum.IsDefined(which) || int.TryParse(queue, out _))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["queue"] = [$"Unknown queue '{queue}': use priority or standard."] });
            }
            await using var db = await dbFactory.CreateDbContextAsync();
            var open = await db.Cases.AsNoTracking()
                .Where(c => c.Queue == which && c.Status != CaseStatus.Resolved && c.Status != CaseStatus.Closed)
                .OrderBy(c => c.ArrivalSequence)
                .ToListAsync();
            var emails = await AssigneeEmailsAsync(db, open.Select(c => c.AssigneeId));
            var now = clock.GetUtcNow();
            return Results.Ok(open.Select(c => CaseDto.Of(c, c.AssigneeId is null ? null : emails.GetValueOrDefault(c.AssigneeId), now)));
        });

        return api;
    }

    private static async Task<CaseDto> ToDtoAsync(IDbContextFactory<SupportConsoleDbContext> dbFactory, SupportCase c, TimeProvider clock)
    {
        string? assignee = null;
        if (c.AssigneeId is not null)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            assignee = (await AssigneeEmailsAsync(db, [c.AssigneeId])).GetValueOrDefault(c.AssigneeId);
        }
        return CaseDto.Of(c, assignee, clock.GetUtcNow());
    }

    private static async Task<Dictionary<string, string>> AssigneeEmailsAsync(SupportConsoleDbContext db, IEnumerable<string?> ids)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        return wanted.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id);
    }
}
