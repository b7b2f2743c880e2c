using SupportConsole.Features.OutgoingMail;

namespace SupportConsole.Features.Intake.WebForm;

/// <summary>
/// Settings of the public case form: the per-IP rate limit (<c>WebForm:PermitLimit</c> posts per
/// <c>WebForm:WindowSeconds</c>) and the attachment limits (<c>WebForm:MaxAttachments</c>, <c>WebForm:MaxAttachmentBytes</c>).
/// </summary>
public sealed class WebFormOptions
{
    public int PermitLimit { get; init; } = 5;
    public int WindowSeconds { get; init; } = 600;
    public int MaxAttachments { get; init; } = 5;
    public long MaxAttachmentBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Where to write when the form is not an option (shown on the rate-limit page).</summary>
    public string SupportAddress { get; init; } = "support@supportconsole.local";

    public static WebFormOptions From(IConfiguration configuration)
    {
        var defaults = new WebFormOptions();
        return new WebFormOptions
        {
            PermitLimit = Math.Max(1, configuration.GetValue("WebForm:PermitLimit", defaults.PermitLimit)),
            WindowSeconds = Math.Max(1, configuration.GetValue("WebForm:WindowSeconds", defaults.WindowSeconds)),
            MaxAttachments = Math.Max(0, configuration.GetValue("WebForm:MaxAttachments", defaults.MaxAttachments)),
            MaxAttachmentBytes = Math.Max(1, configuration.GetValue("WebForm:MaxAttachmentBytes", defaults.MaxAttachmentBytes)),
            SupportAddress = "support@" + OutgoingMailOptions.From(configuration).PrimaryDomain,
        };
    }

    /// <summary>"10 MB", "512 KB": a size as people read it.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };
}
