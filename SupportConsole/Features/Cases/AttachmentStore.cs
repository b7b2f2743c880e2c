using SupportConsole.Data;
using SupportConsole.Domain.Intake;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Cases;

/// <summary>
/// Where case attachments live on disk, the one place that names and writes them: attachments/{SC-number}/{guid}-{safe
/// name}, whatever channel brought them. The name a person sees is kept apart from the name on disk.
/// </summary>
public sealed class AttachmentStore(DataFolders folders)
{
    private const int MaxDisplayName = 255;

    /// <summary>Writes one attachment of a case and returns its record (not yet added to a context).</summary>
    public async Task<CaseAttachment> SaveAsync(long caseNumber, long entryId, string? originalName, string? contentType,
        Func<Stream, CancellationToken, Task> writeContent, CancellationToken cancellationToken)
    {
        var folderName = CaseNumber.Format(caseNumber);
        var folder = Path.Combine(folders.Attachments, folderName);
        Directory.CreateDirectory(folder);
        var fileName = $"{Guid.NewGuid():N}-{SafeFileName(originalName)}";
        var path = Path.Combine(folder, fileName);
        await using (var file = File.Create(path))
        {
            await writeContent(file, cancellationToken);
        }
        return new CaseAttachment
        {
            CaseEntryId = entryId,
            FileName = DisplayName(originalName),
            ContentType = string.IsNullOrWhiteSpace(contentType) || contentType.Length > 200 ? "application/octet-stream" : contentType,
            Size = new FileInfo(path).Length,
            StoragePath = $"{folderName}/{fileName}",
        };
    }

    /// <summary>The stored file of an attachment, or null when its path would leave the attachments folder or the file is gone.</summary>
    public string? PathOf(CaseAttachment attachment)
    {
        var root = Path.GetFullPath(folders.Attachments);
        var path = Path.GetFullPath(Path.Combine(root, attachment.StoragePath));
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path) ? path : null;
    }

    /// <summary>A file name safe on any disk: letters, digits, dot, dash and underscore, at most 100 characters, never empty or hidden.</summary>
    public static string SafeFileName(string? name)
    {
        var safe = new string(BaseName(name).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).Trim('.', '_');
        if (safe.Length == 0)
        {
            safe = "attachment";
        }
        return safe.Length <= 100 ? safe : safe[^100..];
    }

    /// <summary>The name as the sender gave it, without folders or control characters: what agents see and download as.</summary>
    public static string DisplayName(string? name)
    {
        var shown = new string(BaseName(name).Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return shown.Length == 0 ? "attachment" : shown[..Math.Min(shown.Length, MaxDisplayName)];
    }

    private static string BaseName(string? name) => Path.GetFileName((name ?? "").Replace('\\', '/').Split('/').Last());
}
