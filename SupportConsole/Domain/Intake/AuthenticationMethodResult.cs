namespace SupportConsole.Domain.Intake;

/// <summary>One method's result in an <c>Authentication-Results</c> header, e.g. <c>dkim=pass header.d=acme.example</c>.</summary>
/// <param name="Method">The method, such as "dmarc", "spf" or "dkim".</param>
/// <param name="Result">The result, such as "pass", "fail" or "none".</param>
/// <param name="Properties">Properties by "type.property" ("header.from", "header.d", "smtp.mailfrom"), first value kept.</param>
public sealed record AuthenticationMethodResult(string Method, string Result, IReadOnlyDictionary<string, string> Properties);
