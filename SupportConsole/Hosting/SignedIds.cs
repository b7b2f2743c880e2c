using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SupportConsole.Hosting;

/// <summary>
/// A row id signed with ASP.NET Data Protection for a link in a mail (booking links, sender confirmations): it cannot
/// be guessed or altered, and one purpose's token is not another's.
/// </summary>
public static class SignedIds
{
    public static string Sign(this IDataProtector protector, long id)
    {
        ArgumentNullException.ThrowIfNull(protector);
        return protector.Protect(id.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The id in a token, or null when the token is not ours, was altered, or is not an id.</summary>
    public static long? ReadSigned(this IDataProtector protector, string? token)
    {
        ArgumentNullException.ThrowIfNull(protector);
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }
        try
        {
            return long.TryParse(protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
