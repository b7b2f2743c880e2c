namespace SupportConsole.Features.Account;

/// <summary>
/// Where to go after signing in: a local path only (anything else goes home), escaped to ASCII, because a raw
/// non-ASCII character in the redirect's Location header made a correct sign-in fail with a 500.
/// </summary>
public static class LocalReturnUrl
{
    private static readonly Uri Origin = new("http://local.invalid/");

    public static string From(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/' || url.StartsWith("//", StringComparison.Ordinal) ||
            url.StartsWith("/\\", StringComparison.Ordinal) || url.Any(char.IsControl))
        {
            return "/";
        }
        if (!Uri.TryCreate(Origin, url, out var target) || target.Authority != Origin.Authority || target.Scheme != Origin.Scheme)
        {
            return "/";
        }
        return target.GetComponents(UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.UriEscaped);
    }
}
