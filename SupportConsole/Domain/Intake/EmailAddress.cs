using System.Text;

namespace SupportConsole.Domain.Intake;

/// <summary>
/// A sender's address in one normalized spelling: trimmed, display name and angle brackets dropped, lower-case,
/// domain in ASCII (punycode). Two addresses are equal when their <see cref="Value"/>s are, so
/// "Ann &lt;ANN@Bücher.example&gt;" equals "ann@xn--bcher-kva.example".
/// The local part is lower-cased too: the desk treats addresses case-insensitively, as mail systems do in practice.
/// </summary>
public readonly struct EmailAddress : IEquatable<EmailAddress>
{
    public const int MaxLength = 254;
    public const int MaxLocalPartLength = 64;

    private const string ForbiddenInLocalPart = "<>()[]\\,;:\"";

    private readonly string? storedLocalPart;
    private readonly string? storedDomain;

    private EmailAddress(string localPart, string domain)
    {
        storedLocalPart = localPart;
        storedDomain = domain;
    }

    /// <summary>The whole normalized address, e.g. <c>ann@acme.example</c>.</summary>
    public string Value => storedLocalPart is null ? "" : $"{storedLocalPart}@{storedDomain}";

    /// <summary>The part before the @, lower-case.</summary>
    public string LocalPart => storedLocalPart ?? "";

    /// <summary>The part after the @, lower-case ASCII (punycode for internationalized names).</summary>
    public string Domain => storedDomain ?? "";

    /// <summary>Parses and normalizes an address; on failure <paramref name="error"/> says what is wrong, in words for the agent.</summary>
    public static bool TryParse(string? input, out EmailAddress address, out string? error)
    {
        address = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "The email address is empty.";
            return false;
        }

        var text = input.Trim().Normalize(NormalizationForm.FormC);
        var shown = text;

        var open = text.LastIndexOf('<');
        if (open >= 0)
        {
            var close = text.IndexOf('>', open);
            if (close < 0)
                return Fail(shown, "the < has no closing >", out error);
            if (close != text.Length - 1)
                return Fail(shown, "there is text after the closing >", out error);
            text = text[(open + 1)..close].Trim();
        }
        else if (text.Contains('>'))
        {
            return Fail(shown, "the > has no opening <", out error);
        }

        if (text.Any(char.IsControl))
            return Fail(shown, "it contains a control character", out error);
        if (text.Any(char.IsWhiteSpace))
            return Fail(shown, "it contains a space", out error);

        var at = text.LastIndexOf('@');
        if (at < 0)
            return Fail(shown, "it has no @", out error);

        var local = text[..at];
        var domainText = text[(at + 1)..];
        if (local.Length == 0)
            return Fail(shown, "there is nothing before the @", out error);
        if (local.Contains('@'))
            return Fail(shown, "it has more than one @", out error);
        if (domainText.Length == 0)
            return Fail(shown, "there is no domain after the @", out error);

        var badChar = local.FirstOrDefault(c => ForbiddenInLocalPart.Contains(c));
        if (badChar != default)
            return Fail(shown, $"'{badChar}' is not allowed before the @", out error);
        if (local.Length > MaxLocalPartLength)
            return Fail(shown, $"the part before the @ is longer than {MaxLocalPartLength} characters", out error);

        if (!MailDomain.TryNormalize(domainText, out var domain, out var problem))
            return Fail(shown, problem!, out error);

        var normalizedLocal = local.ToLowerInvariant();
        if (normalizedLocal.Length + 1 + domain.Length > MaxLength)
            return Fail(shown, $"it is longer than {MaxLength} characters", out error);

        address = new EmailAddress(normalizedLocal, domain);
        error = null;
        return true;
    }

    /// <summary>Parses an address known to be good (seed data, tests); throws <see cref="FormatException"/> otherwise.</summary>
    public static EmailAddress Parse(string input) =>
        TryParse(input, out var address, out var error) ? address : throw new FormatException(error);

    private static bool Fail(string shown, string problem, out string? error)
    {
        var display = shown.Length > 80 ? shown[..77] + "..." : shown;
        error = $"\"{display}\" is not a valid email address: {problem}.";
        return false;
    }

    public bool Equals(EmailAddress other) =>
        string.Equals(storedLocalPart, other.storedLocalPart, StringComparison.Ordinal)
        && string.Equals(storedDomain, other.storedDomain, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is EmailAddress other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(storedLocalPart, storedDomain);

    public override string ToString() => Value;

    public static bool operator ==(EmailAddress left, EmailAddress right) => left.Equals(right);

    public static bool operator !=(EmailAddress left, EmailAddress right) => !left.Equals(right);
}
