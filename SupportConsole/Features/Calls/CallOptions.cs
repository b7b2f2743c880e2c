namespace SupportConsole.Features.Calls;

/// <summary>Call booking settings (<c>Calls:*</c>).</summary>
public sealed record CallOptions(TimeSpan Buffer, TimeSpan MinimumNotice, TimeSpan DefaultDuration, TimeSpan BookingLinkLifetime, int SlotDays)
{
    public static CallOptions From(IConfiguration configuration) => new(
        TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("Calls:BufferMinutes", 10), 0, 240)),
        TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("Calls:MinimumNoticeMinutes", 60), 0, 7 * 24 * 60)),
        TimeSpan.FromMinutes(Math.Clamp(configuration.GetValue("Calls:DefaultDurationMinutes", 30), 15, 240)),
        TimeSpan.FromDays(Math.Clamp(configuration.GetValue("Calls:BookingLinkDays", 7), 1, 60)),
        Math.Clamp(configuration.GetValue("Calls:SlotDays", 5), 1, 20));

    public const int MinDurationMinutes = 15;
    public const int MaxDurationMinutes = 240;
}
