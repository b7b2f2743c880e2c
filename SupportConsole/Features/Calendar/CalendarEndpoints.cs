using SupportConsole.Domain.Calendar;
using SupportConsole.Domain.Plans;
using SupportConsole.Domain.Sla;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Features.Calendar;

/// <summary><c>/api/calendar/availability</c>, <c>/api/sla/preview</c> and <c>/api/holidays</c> as API.md describes them.</summary>
internal static class CalendarEndpoints
{
    public static void MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapApi();
        api.MapGet("/calendar/availability", (string? at, BusinessCalendar calendar, TimeProvider clock) =>
        {
            var instant = clock.GetUtcNow();
            if (at is not null && !TryInstant(at, "at", out instant, out var problem))
            {
                return problem;
            }
            try
            {
                return Results.Ok(Availability(calendar.Current, instant));
            }
            catch (ArgumentOutOfRangeException)
            {
                // In range, but a tier's next opening would fall after the calendar's last day.
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["at"] = [BeyondRange] });
            }
        });

        api.MapGet("/sla/preview", (string? receivedAt, string? plan, BusinessCalendar calendar) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (!ApiFormat.TryParseInstant(receivedAt, out var received, out var instantError))
            {
                errors["receivedAt"] = [instantError!];
            }
            else if (!TierCalendar.Covers(received))
            {
                errors["receivedAt"] = [OutOfRange];
            }
            if (!SupportPlanNames.TryParseApiName(plan, out var supportPlan))
            {
                errors["plan"] = [$"Unknown plan '{plan}': use pro-plus or free."];
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "The preview request is not valid.");
            }
            try
            {
                return Results.Ok(Preview(calendar.Current, calendar.Policies.For(supportPlan), received, supportPlan));
            }
            catch (ArgumentOutOfRangeException)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["receivedAt"] = ["The deadline would fall after 2100-12-31, outside the calendar."] });
            }
        });

        api.MapGet("/holidays", async (string? year, HolidayBook holidays, TimeProvider clock) =>
        {
            var y = TierCalendar.LocalDateOf(clock.GetUtcNow()).Year;
            if (year is not null && (!int.TryParse(year, out y) || y < TierCalendar.MinDate.Year || y > TierCalendar.MaxDate.Year))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [$"'{year}' is not a year between 2000 and 2100."] });
            }
            var list = await holidays.ListAsync(y);
            return Results.Ok(list.Select(h => new HolidayDto(ApiFormat.Date(h.Date), h.Name)));
        });

        api.MapPut("/holidays/{date}", async (string date, HolidayNameDto? body, HolidayBook holidays) =>
        {
            var errors = new Dictionary<string, string[]>();
            if (!TryDate(date, out var day, out var dateError))
            {
                errors["date"] = [dateError!];
            }
            var name = body?.Name?.Trim();
            if (HolidayBook.Check(errors.ContainsKey("date") ? TierCalendar.MinDate : day, name).NameError is { } nameError)
            {
                errors["name"] = [nameError];
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors, title: "The holiday is not valid.");
            }
            var result = await holidays.SaveAsync(day, name!);
            var dto = new HolidayDto(ApiFormat.Date(day), name!);
            return result == HolidaySaveResult.Created ? Results.Created($"/api/holidays/{dto.Date}", dto) : Results.Ok(dto);
        });

        api.MapDelete("/holidays/{date}", async (string date, HolidayBook holidays) =>
        {
            if (!TryDate(date, out var day, out var error))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["date"] = [error!] });
            }
            return await holidays.RemoveAsync(day)
                ? Results.NoContent()
                : Results.Problem(statusCode: 404, title: "No such holiday", detail: $"There is no holiday on {ApiFormat.Date(day)}.");
        });

    }

    internal const string OutOfRange = "The calendar covers 2000-01-01 to 2100-12-31 (Central time); this instant is outside it.";

    /// <summary>For an instant inside the range whose answer (a next opening, a deadline) would fall after its last day.</summary>
    internal const string BeyondRange = "The calendar covers 2000-01-01 to 2100-12-31 (Central time); the answer for this instant would fall after 2100-12-31.";

    public static AvailabilityDto Availability(TierCalendar calendar, DateTimeOffset at)
    {
        var holiday = calendar.HolidayOn(TierCalendar.LocalDateOf(at));
        return new AvailabilityDto(
            ApiFormat.Instant(at),
            holiday is null ? null : new HolidayDto(ApiFormat.Date(holiday.Date), holiday.Name),
            Tier(calendar.Availability(SupportTier.Tier1, at)),
            Tier(calendar.Availability(SupportTier.Tier2, at)));

        static TierAvailabilityDto Tier(TierAvailability a) => new(a.Open, ApiFormat.Instant(a.ClosesAt), ApiFormat.Instant(a.OpensAt));
    }

    public static SlaPreviewDto Preview(TierCalendar calendar, SlaPolicy policy, DateTimeOffset received, SupportPlan plan)
    {
        var deadline = FirstResponseDeadline.Compute(calendar, policy, received);
        var windows = deadline.DueAt is { } due
            ? calendar.WindowsBetween(SupportTier.Tier1, received, due).Select(w => new WindowDto(ApiFormat.Instant(w.Start), ApiFormat.Instant(w.End))).ToList()
            : [];
        return new SlaPreviewDto(ApiFormat.Instant(received), plan.ToApiName(), ApiFormat.Instant(deadline.ClockStartsAt),
            ApiFormat.Instant(deadline.DueAt), ApiFormat.Instant(deadline.AtRiskAt), windows);
    }

    private static bool TryInstant(string text, string field, out DateTimeOffset instant, out IResult problem)
    {
        problem = Results.Empty;
        if (!ApiFormat.TryParseInstant(text, out instant, out var error))
        {
            problem = Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [error!] });
            return false;
        }
        if (!TierCalendar.Covers(instant))
        {
            problem = Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [OutOfRange] });
            return false;
        }
        return true;
    }

    private static bool TryDate(string text, out DateOnly date, out string? error)
    {
        if (!ApiFormat.TryParseDate(text, out date, out error))
        {
            return false;
        }
        if (date < TierCalendar.MinDate || date > TierCalendar.MaxDate)
        {
            error = $"{ApiFormat.Date(date)} is outside the calendar's range, 2000-01-01 to 2100-12-31.";
            return false;
        }
        return true;
    }
}
