namespace SupportConsole.Features.Calendar;

public enum HolidaySaveResult { Created, Renamed, Unchanged }
