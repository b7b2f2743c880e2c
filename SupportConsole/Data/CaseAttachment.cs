namespace SupportConsole.Data;

/// <summary>A file that came with a case message, stored on disk under db/attachments.</summary>
public sealed class CaseAttachment
{
    public long Id { get; set; }
    public long CaseEntryId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/octet-stream";
    public long Size { get; set; }

    /// <summary>Path relative to the attachments folder.</summary>
    public string StoragePath { get; set; } = "";
}
