using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Intake;
using SupportConsole.Hosting;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Cases;

/// <summary><c>GET /api/cases</c> (search), <c>GET /api/cases/{number}</c>, <c>POST /api/cases/{number}/replies</c> and the attachment download.</summary>
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
        api.MapGet("/cases", async (HttpRequest request, CaseSearch search, CancellationToken cancellationToken) =>
        {
            var query = request.Query;
            var (criteria, errors) = await search.ParseAsync(new CaseSearchRequest(
                query["q"], query["status"], query["queue"], query["tier"], query["customerId"], query["assignee"],
                query["from"], query["to"], query["sort"], query["page"], query["pageSize"]), cancellationToken: cancellationToken);
            return criteria is null
                ? Results.ValidationProblem(errors, title: "The search is not valid.")
                : Results.Ok(await search.ForApiAsync(criteria, cancellationToken));
        });

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

        api.MapGet("/cases/{number}/timeline", async (string number, CaseTimeline timeline, CancellationToken cancellationToken) =>
            !CaseNumber.TryParseReference(number, out var n) ? ApiEndpoints.BadCaseNumber(number)
            : await timeline.ForCaseAsync(n, cancellationToken) is { } entries ? Results.Ok(entries)
            : NoSuchCase(n));

        api.MapPost("/cases/{number}/replies", async (string number, NewReplyDto? body, CaseDesk desk, ActingUser acting, IDbContextFactory<SupportConsoleDbContext> dbFactory, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (!CaseNumber.TryParseReference(number, out var n))
            {
                errors["number"] = [ApiEndpoints.BadCaseNumberMessage(number)];
            }
            if (string.IsNullOrWhiteSpace(body?.Body))
            {
                errors["body"] = ["Write the reply's text."];
            }
            else if (CaseDesk.TooLong(body.Body) is { } tooLong)
            {
                errors["body"] = [tooLong];
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
            else if (await acting.RefusalAsync(author.Id, ActingUser.DeskRoles, cancellationToken) is not null)
            {
                errors["author"] = [$"'{body.Author}' holds no {ActingUser.Describe(ActingUser.DeskRoles)} role, so cannot reply on a case."];
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
        }).WithMetadata(new RequestSizeLimitAttribute(MaxReplyRequestBytes));
    }

    /// <summary>
    /// The largest reply request body, in bytes: room for <see cref="CaseDesk.MaxReplyLength"/> characters even when
    /// every one is escaped in JSON, and far below what a server should buffer for one reply. Larger is a 413.
    /// </summary>
    public const long MaxReplyRequestBytes = 256 * 1024;

    public static IResult NoSuchCase(long number) =>
        Results.Problem(statusCode: 404, title: "No such case", detail: $"There is no case {CaseNumber.Format(number)}.");
}
