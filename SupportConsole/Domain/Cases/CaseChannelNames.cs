namespace SupportConsole.Domain.Cases;

public static class CaseChannelNames
{
    /// <summary>The channel's name in the API: <c>email</c>, <c>web</c>, <c>phone</c>, <c>api</c>.</summary>
    public static string ToApiName(this CaseChannel channel) => channel switch
    {
        CaseChannel.Email => "email",
        CaseChannel.Web => "web",
        CaseChannel.Phone => "phone",
        CaseChannel.Api => "api",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };

    public static bool TryParseApiName(string? value, out CaseChannel channel)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "email":
                channel = CaseChannel.Email;
                return true;
            case "web":
                channel = CaseChannel.Web;
                return true;
            case "phone":
                channel = CaseChannel.Phone;
                return true;
            case "api":
                channel = CaseChannel.Api;
                return true;
            default:
                channel = default;
                return false;
        }
    }
}
