namespace SupportConsole.Features.Intake.IncomingMail;

/// <summary>
/// Incoming mail: the in-process SMTP listener (<c>Email:Smtp:*</c>), the message size cap
/// (<c>Email:MaxMessageBytes</c>) and optional IMAP polling (<c>Email:Imap:*</c>, off unless a host is set).
/// </summary>
public sealed class IncomingMailOptions
{
    public const int DefaultMaxMessageBytes = 25 * 1024 * 1024;
    public const int DefaultSmtpMaxConnections = 50;
    public const int DefaultSmtpIdleTimeoutSeconds = 60;

    public bool SmtpEnabled { get; set; } = true;
    public string SmtpAddress { get; set; } = "127.0.0.1";
    public int SmtpPort { get; set; } = 2525;

    /// <summary>The largest whole message (headers, body and attachments) accepted; larger ones get 552.</summary>
    public int MaxMessageBytes { get; set; } = DefaultMaxMessageBytes;

    /// <summary>
    /// The most SMTP connections served at once (<c>Email:Smtp:MaxConnections</c>); one more is answered
    /// 421 and closed, as Exim does over <c>smtp_accept_max</c>, so the sender retries later.
    /// </summary>
    public int SmtpMaxConnections { get; set; } = DefaultSmtpMaxConnections;

    /// <summary>
    /// How long an SMTP client may send nothing, between commands or in the middle of DATA
    /// (<c>Email:Smtp:IdleTimeoutSeconds</c>), before it is answered 421 and the connection is closed.
    /// </summary>
    public int SmtpIdleTimeoutSeconds { get; set; } = DefaultSmtpIdleTimeoutSeconds;

    public string? ImapHost { get; set; }
    public int ImapPort { get; set; } = 993;
    public string? ImapUser { get; set; }
    public string? ImapPassword { get; set; }
    public string ImapFolder { get; set; } = "INBOX";
    public bool ImapUseTls { get; set; } = true;
    public int ImapPollSeconds { get; set; } = 60;

    public bool ImapEnabled => !string.IsNullOrWhiteSpace(ImapHost);

    public static IncomingMailOptions From(IConfiguration configuration)
    {
        var options = new IncomingMailOptions();
        var section = configuration.GetSection("Email");
        options.SmtpEnabled = section.GetValue("Smtp:Enabled", options.SmtpEnabled);
        options.SmtpAddress = section["Smtp:Address"] is { Length: > 0 } address ? address : options.SmtpAddress;
        options.SmtpPort = section.GetValue("Smtp:Port", options.SmtpPort);
        options.MaxMessageBytes = Math.Max(1024, section.GetValue("MaxMessageBytes", options.MaxMessageBytes));
        options.SmtpMaxConnections = Math.Max(1, section.GetValue("Smtp:MaxConnections", options.SmtpMaxConnections));
        options.SmtpIdleTimeoutSeconds = Math.Max(1, section.GetValue("Smtp:IdleTimeoutSeconds", options.SmtpIdleTimeoutSeconds));
        options.ImapHost = section["Imap:Host"];
        options.ImapPort = section.GetValue("Imap:Port", options.ImapPort);
        options.ImapUser = section["Imap:User"];
        options.ImapPassword = section["Imap:Password"];
        options.ImapFolder = section["Imap:Folder"] is { Length: > 0 } folder ? folder : options.ImapFolder;
        options.ImapUseTls = section.GetValue("Imap:UseTls", options.ImapUseTls);
        options.ImapPollSeconds = Math.Max(1, section.GetValue("Imap:PollSeconds", options.ImapPollSeconds));
        return options;
    }
}
