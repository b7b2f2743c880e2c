using SupportConsole.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Domain.Intake;
using SupportConsole.Domain.Sla;
using SupportConsole.Hosting;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Cases;

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
            CaseNumber.Format(c.Number), c.Subject, c.FromAddress, c.CustomerId, c.Queue.ToApiName(), c.RoutingReason,
            c.Channel.ToApiName(), (int)c.Severity, c.Status.ToApiName(), ApiFormat.Instant(c.ReceivedAt),
            c.ArrivalSequence, assigneeEmail, c.Tier.Number(),
            new CaseSlaDto(state.ToApiName(), ApiFormat.Instant(deadline.ClockStartsAt), ApiFormat.Instant(deadline.DueAt),
                ApiFormat.Instant(deadline.AtRiskAt), ApiFormat.Instant(c.FirstRespondedAt)));
    }

    /// <summary>The API's view of cases, with each assignee's email read in one query.</summary>
    public static async Task<IReadOnlyList<CaseDto>> ListAsync(SupportConsoleDbContext db, IReadOnlyCollection<SupportCase> cases, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var wanted = cases.Select(c => c.AssigneeId).OfType<string>().Distinct().ToList();
        var emails = wanted.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, cancellationToken);
        return [.. cases.Select(c => Of(c, c.AssigneeId is null ? null : emails.GetValueOrDefault(c.AssigneeId), now))];
    }
}

/// <summary><c>GET /api/cases/{number}</c>, <c>POST /api/cases/{number}/replies</c> and the attachment download.</summary>
internal static class CaseEndpoints
{
    public static void MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/cases/{number}/attachments/{id:long}", async (string number, long id, CaseReader reader, CancellationToken cancellationToken) =>
        {
            if (!CaseNumber.TryParseReference(number, out var parsed) || await reader.AttachmentAsync(parsed, id, cancellationToken) is not { } found)
            {
                return Results.NotFound();
            }
            return Results.File(found.Path, found.Attachment.ContentType, found.Attachment.FileName);
        }).RequireAuthorization(Policies.Staff);

        var api = app.MapApi();
        api.MapGet("/cases/{number}", async (string number, IDbContextFactory<SupportConsoleDbContext> dbFactory, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (!CaseNumber.TryParseReference(number, out var n))
            {
                return ApiEndpoints.BadCaseNumber(number);
            }
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Number == n, cancellationToken);
            return found is null
                ? NoSuchCase(n)
                : Results.Ok((await CaseDto.ListAsync(db, [found], clock.GetUtcNow(), cancellationToken))[0]);
        });

        api.MapPost("/cases/{number}/replies", async (string number, NewReplyDto? body, CaseDesk desk, IDbContextFactory<SupportConsoleDbContext> dbFactory, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (!CaseNumber.TryParseReference(number, out var n))
            {
                errors["number"] = [$"'{number}' is not a case number like SC-100042."];
            }
            if (string.IsNullOrWhiteSpace(body?.Body))
            {
                errors["body"] = ["Write the reply's text."];
            }
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            AgentUser? author = null;
            if (string.IsNullOrWhiteSpace(body?.Author))
            {
                errors["author"] = ["Give the email of the agent who replies."];
            }
            else if ((author = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == body.Author.Trim().ToUpperInvariant() && !u.IsDisabled, cancellationToken)) is null)
            {
                errors["author"] = [$"'{body.Author}' is not an active agent's email."];
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "The reply is not valid.");
            }
            var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Number == n, cancellationToken);
            if (found is null)
            {
                return NoSuchCase(n);
            }
            var result = await desk.ReplyAsync(found.Id, Actors.Of(author!), body!.Body!, cancellationToken: cancellationToken);
            if (!result.Succeeded)
            {
                return Results.Problem(statusCode: 409, title: "The reply was not sent", detail: result.Message);
            }
            var updated = await db.Cases.AsNoTracking().FirstAsync(c => c.Id == found.Id, cancellationToken);
            return Results.Created($"/api/cases/{CaseNumber.Format(n)}", (await CaseDto.ListAsync(db, [updated], clock.GetUtcNow(), cancellationToken))[0]);
        });
    }

    public static IResult NoSuchCase(long number) =>
        Results.Problem(statusCode: 404, title: "No such case", detail: $"There is no case {CaseNumber.Format(number)}.");
}
