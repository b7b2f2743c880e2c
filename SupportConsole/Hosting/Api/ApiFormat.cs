using System.Globalization;
using SupportConsole.Domain.Calendar;

namespace SupportConsole.Hosting.Api;

/// <summary>The API's instant and date formats: ISO-8601 UTC with a Z and whole seconds; dates as YYYY-MM-DD.</summary>
public static class ApiFormat
{
    public static string Instant(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string? Instant(DateTimeOffset? value) => value is { } v ? Instant(v) : null;

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Parses an instant that names its offset (<c>Z</c> or <c>-06:00</c>); a bare local time is ambiguous and refused.</summary>
    public static bool TryParseInstant(string? text, out DateTimeOffset instant, out string? error)
    {
        instant = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "An instant is required, like 2026-11-25T20:00:00Z.";
            return false;
        }
        text = text.Trim();
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");
        if (!hasOffset || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out instant) || !text.Contains('T'))
        {
            error = $"'{Truncate(text)}' is not an ISO-8601 instant with an offset, like 2026-11-25T20:00:00Z or 2026-11-25T14:00:00-06:00.";
            return false;
        }
        instant = instant.ToWholeSecond();
        error = null;
        return true;
    }

    public static bool TryParseDate(string? text, out DateOnly date, out string? error)
    {
        if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            error = null;
            return true;
        }
        error = $"'{Truncate(text ?? "")}' is not a date in the form YYYY-MM-DD.";
        return false;
    }

    private static string Truncate(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
