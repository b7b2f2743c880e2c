namespace SupportConsole.Hosting;

/// <summary>
/// Absolute links for mail (<c>App:BaseUrl</c>): a mail client has no page to resolve "/cases/SC-100006" against.
/// </summary>
public sealed class AppLinks(IConfiguration configuration)
{
    public const string DefaultBaseUrl = "http://localhost:5200";

    public Uri BaseUrl { get; } = new((configuration["App:BaseUrl"] is { Length: > 0 } configured ? configured : DefaultBaseUrl).TrimEnd('/') + "/");

    /// <summary>The absolute address of an app path such as <c>/book/abc</c>.</summary>
    public string Absolute(string path) => new Uri(BaseUrl, path.TrimStart('/')).ToString();
}
