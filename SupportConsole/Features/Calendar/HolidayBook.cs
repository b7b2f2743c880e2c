using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;
using USAPublicHoliday = PublicHoliday.USAPublicHoliday;

namespace SupportConsole.Features.Calendar;

/// <summary>
/// The holiday list managers keep: seeded with the US federal holidays (observed dates) for the current
/// year and the next two, edited by name and date, and every change swaps in a new calendar snapshot.
/// </summary>
public sealed class HolidayBook(IDbContextFactory<SupportConsoleDbContext> dbFactory, BusinessCalendar calendar, TimeProvider clock, ILogger<HolidayBook> logger)
{
    public const int MaxNameLength = 100;

    /// <summary>
    /// The one check of a holiday before it is saved, for the page and the API alike: a date the calendar covers and
    /// a name of 1 to <see cref="MaxNameLength"/> characters. Null when fine.
    /// </summary>
    public static (string? DateError, string? NameError) Check(DateOnly date, string? name)
    {
        var dateError = date < TierCalendar.MinDate || date > TierCalendar.MaxDate
            ? $"Choose a date between {TierCalendar.MinDate:yyyy-MM-dd} and {TierCalendar.MaxDate:yyyy-MM-dd}: the business calendar covers only those years."
            : null;
        var trimmed = name?.Trim();
        var nameError = string.IsNullOrEmpty(trimmed) ? "Give the holiday a name, like \"Day after Thanksgiving\"."
            : trimmed.Length > MaxNameLength ? $"A holiday name has at most {MaxNameLength} characters."
            : null;
        return (dateError, nameError);
    }

    public async Task<IReadOnlyList<StoredHoliday>> ListAsync(int year, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date).ToListAsync(cancellationToken);
    }

    public async Task<HolidaySaveResult> SaveAsync(DateOnly date, string name, CancellationToken cancellationToken = default)
    {
        name = name.Trim();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Holidays.FindAsync([date], cancellationToken);
        HolidaySaveResult result;
        if (existing is null)
        {
            db.Holidays.Add(new StoredHoliday { Date = date, Name = name });
            result = HolidaySaveResult.Created;
        }
        else if (existing.Name != name)
        {
            existing.Name = name;
            existing.IsFederal = false;
            result = HolidaySaveResult.Renamed;
        }
        else
        {
            return HolidaySaveResult.Unchanged;
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Holiday {Date:yyyy-MM-dd} {Result}: {Name}", date, result, name);
        await calendar.ReloadAsync(cancellationToken);
        return result;
    }

    public async Task<bool> RemoveAsync(DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var removed = await db.Holidays.Where(h => h.Date == date).ExecuteDeleteAsync(cancellationToken) > 0;
        if (removed)
        {
            logger.LogInformation("Holiday {Date:yyyy-MM-dd} removed", date);
            await calendar.ReloadAsync(cancellationToken);
        }
        return removed;
    }

    /// <summary>Adds the federal holidays of the current Central year and the next two, each year once.</summary>
    public async Task SeedFederalHolidaysAsync(CancellationToken cancellationToken = default)
    {
        var thisYear = TierCalendar.LocalDateOf(clock.GetUtcNow()).Year;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var seeded = await db.HolidaySeedYears.Select(y => y.Year).ToListAsync(cancellationToken);
        var added = 0;
        foreach (var year in Enumerable.Range(thisYear, 3).Except(seeded))
        {
            foreach (var holiday in FederalHolidays(year))
            {
                if (!await db.Holidays.AnyAsync(h => h.Date == holiday.Date, cancellationToken) && db.Holidays.Local.All(h => h.Date != holiday.Date))
                {
                    db.Holidays.Add(new StoredHoliday { Date = holiday.Date, Name = holiday.Name, IsFederal = true });
                    added++;
                }
            }
            db.HolidaySeedYears.Add(new HolidaySeedYear { Year = year });
        }
        await db.SaveChangesAsync(cancellationToken);
        if (added > 0)
        {
            logger.LogInformation("Seeded {Count} US federal holidays (observed dates)", added);
        }
        await calendar.ReloadAsync(cancellationToken);
    }

    // The library's short names, as the federal calendar (5 U.S.C. 6103) spells them.
    private static readonly Dictionary<string, string> OfficialNames = new()
    {
        ["New Year"] = "New Year's Day",
        ["Martin Luther King Day"] = "Birthday of Martin Luther King, Jr.",
        ["President's Day"] = "Washington's Birthday",
        ["Juneteenth"] = "Juneteenth National Independence Day",
        ["Veteran's Day"] = "Veterans Day",
        ["Thanksgiving"] = "Thanksgiving Day",
        ["Christmas"] = "Christmas Day",
    };

    /// <summary>The US federal holidays of a year on their observed dates (Saturday → Friday before, Sunday → Monday after).</summary>
    public static IReadOnlyList<Holiday> FederalHolidays(int year) =>
        new USAPublicHoliday().PublicHolidayNames(year)
            .Select(pair => new Holiday(DateOnly.FromDateTime(pair.Key), OfficialNames.GetValueOrDefault(pair.Value, pair.Value)))
            .OrderBy(h => h.Date)
            .ToList();
}
