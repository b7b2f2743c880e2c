namespace SupportConsole.Hosting;

/// <summary>Folders beside the app's database: the mail pickup folder and case attachments.</summary>
public sealed record DataFolders(string Root, string Pickup, string Attachments);
