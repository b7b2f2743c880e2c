using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Intake;
using SupportConsole.Features.Cases;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Escalations;

public sealed record NewEscalationDto(int? Tier, string? Reason, string? Author);

/// <summary><c>POST /api/cases/{number}/escalations</c>: Tier 1 hands a case to Tier 2 or 3, assigned at once by availability and load.</summary>
internal static class EscalationEndpoints
{
    public static void MapEscalationEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapApi();
        api.MapPost("/cases/{number}/escalations", async (string number, NewEscalationDto? body, CaseDesk desk, ActingUser acting, IDbContextFactory<SupportConsoleDbContext> dbFactory, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (!CaseNumber.TryParseReference(number, out var n))
            {
                errors["number"] = [ApiEndpoints.BadCaseNumberMessage(number)];
            }
            var tier = SupportTier.Tier2;
            if (body?.Tier is not { } wanted || !SupportTiers.TryFromNumber(wanted, out tier) || !tier.IsEngineering())
            {
                errors["tier"] = ["Escalate to tier 2 or 3."];
            }
            if (string.IsNullOrWhiteSpace(body?.Reason))
            {
                errors["reason"] = ["Say why: what was tried, what the engineer should look at."];
            }
            else if (body.Reason.Length > 4000)
            {
                errors["reason"] = ["A reason has at most 4000 characters."];
            }
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            AgentUser? author = null;
            if (string.IsNullOrWhiteSpace(body?.Author))
            {
                errors["author"] = ["Give the email of the agent who escalates."];
            }
            else if ((author = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == body.Author.Trim().ToUpperInvariant() && !u.IsDisabled, cancellationToken)) is null)
            {
                errors["author"] = [$"'{body.Author}' is not an active agent's email."];
            }
            else if (await acting.RefusalAsync(author.Id, ActingUser.DeskRoles, cancellationToken) is not null)
            {
                errors["author"] = [$"'{body.Author}' holds no {ActingUser.Describe(ActingUser.DeskRoles)} role, so cannot escalate a case."];
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "The escalation is not valid.");
            }
            var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Number == n, cancellationToken);
            if (found is null)
            {
                return Results.Problem(statusCode: 404, title: "No such case", detail: $"There is no case {CaseNumber.Format(n)}.");
            }
            var result = await desk.EscalateAsync(found.Id, tier, body!.Reason!, Actors.Of(author!), cancellationToken);
            if (!result.Succeeded)
            {
                return Results.Problem(statusCode: 409, title: "The case was not escalated", detail: result.Message);
            }
            var updated = await db.Cases.AsNoTracking().FirstAsync(c => c.Id == found.Id, cancellationToken);
            return Results.Ok((await CaseDto.ListAsync(db, [updated], clock.GetUtcNow(), cancellationToken))[0]);
        });
    }
}
