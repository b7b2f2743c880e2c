using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Staffing;
using SupportConsole.Features.Calendar;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Staff;

/// <summary><c>PUT /api/staff/{email}</c> and <c>GET /api/staff?tier=2</c>.</summary>
internal static class StaffEndpoints
{
    public static void MapStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapApi();
        api.MapPut("/staff/{email}", async (string email, StaffInputDto? body, StaffRoster roster, BusinessCalendar calendar, CancellationToken cancellationToken) =>
        {
            if (body is null)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send { displayName, roles, capacity, hours, timeOff } as JSON."] });
            }
            var errors = StaffRoster.Check(email, body.DisplayName, body.Roles, body.Capacity);
            if (!WeeklyHours.TryParse(body.Hours, calendar.Current.Tier23Hours, out var hours, out var hoursError))
            {
                errors["hours"] = [hoursError!];
            }
            var timeOff = new List<TimeOff>();
            foreach (var (item, index) in (body.TimeOff ?? []).Select((t, i) => (t, i)))
            {
                if (!ApiFormat.TryParseInstant(item.From, out var from, out var fromError) || !ApiFormat.TryParseInstant(item.To, out var to, out fromError))
                {
                    errors[$"timeOff[{index}]"] = [fromError!];
                }
                else if (to <= from)
                {
                    errors[$"timeOff[{index}]"] = ["Time off must end after it starts."];
                }
                else
                {
                    timeOff.Add(new TimeOff(from, to, string.IsNullOrWhiteSpace(item.Reason) ? "time off" : item.Reason.Trim()[..Math.Min(item.Reason.Trim().Length, 200)]));
                }
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "The staff profile is not valid.");
            }
            try
            {
                var (created, member) = await roster.SaveAsync(email, new StaffInput(body.DisplayName ?? "", body.Roles ?? [], body.Capacity ?? Data.StaffProfile.DefaultCapacity, hours!, timeOff), cancellationToken);
                var dto = StaffDto.Of(member);
                return created ? Results.Created($"/api/staff/{Uri.EscapeDataString(member.Email)}", dto) : Results.Ok(dto);
            }
            catch (StaffSaveException e)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["email"] = [e.Message] }, title: "The account could not be saved.");
            }
        });

        api.MapGet("/staff", async (int? tier, StaffRoster roster, CancellationToken cancellationToken) =>
        {
            SupportTier? wanted = null;
            if (tier is { } number)
            {
                if (!SupportTiers.TryFromNumber(number, out var parsed))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["tier"] = ["tier is 1, 2 or 3."] });
                }
                wanted = parsed;
            }
            return Results.Ok((await roster.ListAsync(wanted, cancellationToken)).Select(StaffDto.Of));
        });
    }
}
