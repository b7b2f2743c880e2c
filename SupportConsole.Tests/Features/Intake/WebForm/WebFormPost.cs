using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Intake.WebForm;

/// <summary>Posts the public form as a browser would (multipart, antiforgery token from the rendered form).</summary>
internal static partial class WebFormPost
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, Dictionary<string, string>? fields = null, bool withToken = true, (string Name, byte[] Content)[]? files = null)
    {
        var page = await client.GetStringAsync("/submit");
        var content = new MultipartFormDataContent
        {
            { new StringContent("submit-case"), "_handler" },
        };
        if (fields is null || !fields.ContainsKey("Input.Token"))
        {
            content.Add(new StringContent(FormToken().Match(page).Groups[1].Value), "Input.Token");
        }
        if (withToken)
        {
            content.Add(new StringContent(AntiforgeryToken().Match(page).Groups[1].Value), "__RequestVerificationToken");
        }
        var values = new Dictionary<string, string>
        {
            ["Input.Name"] = "Pat Customer",
            ["Input.Email"] = "pat@example.com",
            ["Input.Subject"] = "Printer on fire",
            ["Input.Description"] = "It started smoking after the update.",
            ["Input.Severity"] = "2",
        };
        foreach (var (key, value) in fields ?? [])
        {
            values[key] = value;
        }
        foreach (var (key, value) in values)
        {
            content.Add(new StringContent(value), key);
        }
        foreach (var (name, bytes) in files ?? [])
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new("text/plain");
            content.Add(file, "attachments", name);
        }
        return await client.PostAsync("/submit", content);
    }

    public static async Task<List<SupportCase>> CasesAsync(AppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        return await db.Cases.AsNoTracking().Include(c => c.Thread).ToListAsync();
    }

    public static HttpStatusCode Status(HttpResponseMessage response) => response.StatusCode;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"Input.Token\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
