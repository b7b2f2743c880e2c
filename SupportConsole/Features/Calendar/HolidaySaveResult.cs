using Microsoft.EntityFrameworkCore;
using USAPublicHoliday = PublicHoliday.USAPublicHoliday;
using SupportConsole.Data;
using SupportConsole.Domain.Calendar;

namespace SupportConsole.Features.Calendar;

public enum HolidaySaveResult { Created, Renamed, Unchanged }
