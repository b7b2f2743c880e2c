using System.Text;
using MimeKit;
using MimeKit.Cryptography;
using SupportConsole.Domain.Intake;

namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>Reads a message's <c>Authentication-Results</c> headers (MimeKit's RFC 8601 parser), topmost first; unreadable ones are skipped.</summary>
public static class AuthenticationResultsReader
{
    public static IReadOnlyList<AuthenticationReport> Read(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return [.. message.Headers.Where(h => h.Id == HeaderId.AuthenticationResults).Select(h => Parse(h.Value)).OfType<AuthenticationReport>()];
    }

    /// <summary>One header value, or null when it cannot be read.</summary>
    public static AuthenticationReport? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !AuthenticationResults.TryParse(Encoding.UTF8.GetBytes(value), out var results) || results.AuthenticationServiceIdentifier is not { } servId)
        {
            return null;
        }
        return new AuthenticationReport(servId, [.. results.Results.Select(ToMethod)]);
    }

    private static Domain.Intake.AuthenticationMethodResult ToMethod(MimeKit.Cryptography.AuthenticationMethodResult method)
    {
        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in method.Properties)
        {
            properties.TryAdd($"{property.PropertyType}.{property.Property}", property.Value ?? "");
        }
        return new Domain.Intake.AuthenticationMethodResult(method.Method ?? "", method.Result ?? "", properties);
    }
}
