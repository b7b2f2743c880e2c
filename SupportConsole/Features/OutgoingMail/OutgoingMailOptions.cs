namespace SupportConsole.Features.OutgoingMail;

/// <summary>Outgoing mail: an SMTP relay when <c>Email:Relay:Host</c> is set, otherwise .eml files in the pickup folder (<see cref="Hosting.DataFolders"/>).</summary>
public sealed class OutgoingMailOptions
{
    /// <summary>Recipient domains the desk receives mail for; the first is also the domain of our Message-IDs.</summary>
    public string[] Domains { get; set; } = ["supportconsole.local"];

    /// <summary>The desk's From address on acknowledgments and replies.</summary>
    public string FromAddress { get; set; } = "";
    public string FromName { get; set; } = "SupportConsole Support";

    public string? RelayHost { get; set; }
    public int RelayPort { get; set; } = 25;
    public string? RelayUser { get; set; }
    public string? RelayPassword { get; set; }
    public bool RelayUseTls { get; set; }

    /// <summary>At most this many acknowledgments to one sender per hour (a loop brake).</summary>
    public int MaxAcknowledgmentsPerSenderPerHour { get; set; } = 5;

    public string PrimaryDomain => Domains.FirstOrDefault(d => !string.IsNullOrWhiteSpace(d))?.Trim().ToLowerInvariant() ?? "supportconsole.local";
    public string EffectiveFromAddress => string.IsNullOrWhiteSpace(FromAddress) ? $"support@{PrimaryDomain}" : FromAddress;

    public static OutgoingMailOptions From(IConfiguration configuration)
    {
        var options = new OutgoingMailOptions();
        var section = configuration.GetSection("Email");
        options.Domains = section.GetSection("Domains").Get<string[]>() is { Length: > 0 } domains ? domains : options.Domains;
        options.FromAddress = section["From"] ?? options.FromAddress;
        options.FromName = section["FromName"] ?? options.FromName;
        options.RelayHost = section["Relay:Host"];
        options.RelayPort = section.GetValue("Relay:Port", options.RelayPort);
        options.RelayUser = section["Relay:User"];
        options.RelayPassword = section["Relay:Password"];
        options.RelayUseTls = section.GetValue("Relay:UseTls", options.RelayUseTls);
        options.MaxAcknowledgmentsPerSenderPerHour = section.GetValue("MaxAcknowledgmentsPerSenderPerHour", options.MaxAcknowledgmentsPerSenderPerHour);
        return options;
    }
}
