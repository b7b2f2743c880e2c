using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Intake.WebForm;

/// <summary>One host for the form corpus, with a rate limit no row reaches.</summary>
public sealed class WebFormCorpusApp() : SharedApp(settings: new Dictionary<string, string?> { ["WebForm:PermitLimit"] = "1000" });

/// <summary>
/// The public form's bad-input corpus: every row is posted as a browser would, and ends either refused (an answer next
/// to the field, or a 4xx, with no case) or accepted (a case that holds what was sent); never a 500, never lost.
/// </summary>
public sealed class WebFormBadInputCorpusTests(WebFormCorpusApp shared, ITestOutputHelper output) : IClassFixture<WebFormCorpusApp>
{
    private enum Expect
    {
        Refused,
        Accepted,

        /// <summary>The honeypot: the bot is told "thank you", nothing is stored (counted as refused).</summary>
        Trapped,
    }

    private sealed record Row(string Name, Dictionary<string, string> Fields, Expect Expected, string? Says = null, bool WithToken = true, (string Name, byte[] Content)[]? Files = null);

    private static Row[] Rows(string marker)
    {
        static Dictionary<string, string> F(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);
        var text = $"It broke. {marker}";
        return
        [
            new("every field empty", F(("Input.Name", ""), ("Input.Email", ""), ("Input.Subject", ""), ("Input.Description", ""), ("Input.Severity", "")), Expect.Refused, "Enter your name."),
            new("not an address", F(("Input.Email", "not-an-address"), ("Input.Description", text)), Expect.Refused, "Enter a valid email address"),
            new("header injection in the address", F(("Input.Email", "ann@acme.example\r\nBcc: all@victim.example"), ("Input.Description", text)), Expect.Refused, "valid email address"),
            new("display name in the address (the address is read from it)", F(("Input.Email", "Ann <ann@acme.example>"), ("Input.Description", text)), Expect.Accepted),
            new("subject of spaces", F(("Input.Subject", "   "), ("Input.Description", text)), Expect.Refused, "Give your request a short subject."),
            new("subject over 1,000 characters", F(("Input.Subject", new string('s', 1001)), ("Input.Description", text)), Expect.Refused, "at most 1000 characters"),
            new("description over 1 MB", F(("Input.Description", marker + new string('d', 1_000_001))), Expect.Refused, "over 1000 KB"),
            new("name over 200 characters", F(("Input.Name", new string('n', 201)), ("Input.Description", text)), Expect.Refused, "at most 200 characters"),
            new("severity 9", F(("Input.Severity", "9"), ("Input.Description", text)), Expect.Refused, "Choose how badly this affects you."),
            new("severity not a number", F(("Input.Severity", "high"), ("Input.Description", text)), Expect.Refused),
            new("no antiforgery token", F(("Input.Description", text)), Expect.Refused, WithToken: false),
            new("honeypot filled", F(("website", "http://spam.example"), ("Input.Description", text)), Expect.Trapped),
            new("six attachments", F(("Input.Description", text)), Expect.Refused, "Attach at most 5 files", Files: [.. Enumerable.Range(1, 6).Select(i => ($"f{i}.txt", "x"u8.ToArray()))]),
            new("attachment over 10 MB", F(("Input.Description", text)), Expect.Refused, "10 MB", Files: [("big.log", new byte[10 * 1024 * 1024 + 1])]),
            new("script in subject and name", F(("Input.Subject", "<script>alert(1)</script>"), ("Input.Name", "<img src=x onerror=alert(1)>"), ("Input.Description", text)), Expect.Accepted),
            new("NUL and control characters", F(("Input.Subject", "Bad\u0000bytes\u0007here"), ("Input.Description", $"a\u0000b\u001bc {marker}")), Expect.Accepted),
            new("right-to-left override and zero-width characters", F(("Input.Subject", "invoice\u202Egpj.exe\u200B"), ("Input.Description", text)), Expect.Accepted),
            new("path in an attachment name", F(("Input.Description", text)), Expect.Accepted, Files: [("../../etc/passwd", "root"u8.ToArray())]),
            new("control characters in an attachment name", F(("Input.Description", text)), Expect.Accepted, Files: [("a\tb\u202Eexe.txt", "x"u8.ToArray())]),
            new("an unknown category", F(("Category", "drop-table"), ("Input.Category", "drop-table"), ("Input.Description", text)), Expect.Accepted),
            new("internationalized address", F(("Input.Email", "kunde@bücher.example"), ("Input.Description", text)), Expect.Accepted),
            new("a listed address (held for confirmation)", F(("Input.Email", "someone@acme.example"), ("Input.Description", text)), Expect.Accepted),
            new("SQL in every field", F(("Input.Name", "'; DROP TABLE Cases; --"), ("Input.Subject", "1' OR '1'='1"), ("Input.Description", $"\" OR 1=1 -- {marker}")), Expect.Accepted),
        ];
    }

    [Fact]
    public async Task Every_row_is_refused_with_a_clear_answer_or_accepted_whole_never_a_500_and_nothing_is_lost()
    {
        await shared.ResetAsync();
        int tried = 0, refused = 0, accepted = 0, serverErrors = 0, lost = 0;
        var failures = new List<string>();
        var index = 0;
        foreach (var _ in Rows("marker-0"))
        {
            var marker = $"marker-{++index}";
            var row = Rows(marker)[index - 1];
            tried++;
            var before = await CountAsync();
            var response = await WebFormPost.SendAsync(shared.App.CreateBrowserLikeClient(), row.Fields, row.WithToken, row.Files);
            var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            var created = await CountAsync() - before;
            if ((int)response.StatusCode >= 500)
            {
                serverErrors++;
                failures.Add($"{row.Name}: {(int)response.StatusCode}");
                continue;
            }
            if (created == 0)
            {
                refused++;
                var told = row.Expected == Expect.Trapped ? page.Contains("id=\"confirmation\"", StringComparison.Ordinal)
                    : (int)response.StatusCode >= 400 || page.Contains("id=\"error-summary\"", StringComparison.Ordinal);
                if (row.Expected == Expect.Accepted)
                {
                    lost++;
                    failures.Add($"{row.Name}: expected a case, none was created ({(int)response.StatusCode})");
                }
                else if (!told || (row.Says is { } says && !page.Contains(says, StringComparison.Ordinal)))
                {
                    failures.Add($"{row.Name}: refused without saying \"{row.Says}\" ({(int)response.StatusCode})");
                }
                continue;
            }
            accepted++;
            var supportCase = await LatestAsync();
            var held = supportCase.Thread.Any(e => e.Kind == CaseEntryKind.CustomerMessage && e.Body.Contains(marker, StringComparison.Ordinal));
            if (!held)
            {
                lost++;
                failures.Add($"{row.Name}: the case does not hold what was sent");
            }
            if (row.Expected != Expect.Accepted)
            {
                failures.Add($"{row.Name}: expected a refusal, a case was created");
            }
            if (row.Files is { Length: > 0 } files)
            {
                await using var db = await shared.App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
                var entries = supportCase.Thread.Select(e => e.Id).ToList();
                var stored = await db.CaseAttachments.CountAsync(a => entries.Contains(a.CaseEntryId));
                if (stored != files.Length)
                {
                    lost++;
                    failures.Add($"{row.Name}: {stored} of {files.Length} attachments stored");
                }
            }
        }

        output.WriteLine($"Web form corpus: tried {tried}, refused {refused}, accepted {accepted}, 500 {serverErrors}, lost {lost}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(0, serverErrors);
        Assert.Equal(0, lost);
        Assert.Equal(Rows("x").Count(r => r.Expected == Expect.Accepted), accepted);
    }

    private async Task<int> CountAsync()
    {
        await using var db = await shared.App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        return await db.Cases.CountAsync();
    }

    private async Task<SupportCase> LatestAsync()
    {
        await using var db = await shared.App.Services.GetRequiredService<IDbContextFactory<SupportConsoleDbContext>>().CreateDbContextAsync();
        return await db.Cases.AsNoTracking().Include(c => c.Thread).OrderByDescending(c => c.Id).FirstAsync();
    }
}
