namespace SupportConsole.Domain.Intake;

/// <summary>One <c>Authentication-Results</c> header as read (RFC 8601): who wrote it and what each method found.</summary>
/// <param name="ServId">The authserv-id: the receiving server that wrote the header.</param>
/// <param name="Methods">Each method's result ("dmarc", "spf", "dkim", ...), in the header's order.</param>
public sealed record AuthenticationReport(string ServId, IReadOnlyList<AuthenticationMethodResult> Methods);
