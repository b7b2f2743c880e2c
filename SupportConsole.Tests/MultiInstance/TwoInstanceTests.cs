using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace SupportConsole.Tests.MultiInstance;

/// <summary>Two instances on one PostgreSQL database: what one accepts or settles, the other shows and respects.</summary>
public sealed class TwoInstanceTests(TwoInstances fixture, ITestOutputHelper output) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task A_case_accepted_by_one_instance_appears_on_a_queue_page_served_by_the_other()
    {
        var page = await fixture.QueuesPageAsync(fixture.B, "tier1@supportconsole.local", "Demo-tier1-1");
        using var api = fixture.A.Api();
        var subject = "Seen across instances " + Guid.NewGuid().ToString("N")[..6];

        var clock = Stopwatch.StartNew();
        var created = await api.PostAsJsonAsync("/api/cases", new { from = "ann@acme.example", subject, body = "Accepted by A." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var accepted = clock.Elapsed;
        await Expect(page.Locator("#priority-queue")).ToContainTextAsync(subject, new() { Timeout = 10_000 });
        var visible = clock.Elapsed - accepted;
        output.WriteLine($"accepted by A in {accepted.TotalMilliseconds:0} ms, on B's page {visible.TotalMilliseconds:0} ms later");

        // The bus is LISTEN/NOTIFY: well inside the second the issue asks for, with room for a loaded 2-core machine.
        Assert.True(visible < TimeSpan.FromSeconds(3), $"took {visible.TotalMilliseconds:0} ms");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Two_agents_on_two_instances_claiming_the_same_cases_at_once_get_one_winner_each_time()
    {
        var onA = await fixture.QueuesPageAsync(fixture.A, "tier1@supportconsole.local", "Demo-tier1-1");
        var onB = await fixture.QueuesPageAsync(fixture.B, "tier1b@supportconsole.local", "Demo-tier1-2");
        using var api = fixture.B.Api();
        var winners = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var created = await (await api.PostAsJsonAsync("/api/cases", new { from = "joe@hooli.example", subject = $"Claim race {i} {Guid.NewGuid():N}", body = "Who takes it?" })).Content.ReadFromJsonAsync<JsonElement>();
            var number = created.GetProperty("number").GetString()!;
            var row = $"#row-{number["SC-".Length..]}";
            await onA.WaitForSelectorAsync($"{row} .claim-button");
            await onB.WaitForSelectorAsync($"{row} .claim-button");

            await Task.WhenAll(onA.ClickAsync($"{row} .claim-button"), onB.ClickAsync($"{row} .claim-button"));

            // The database settled it: one assignee, and both pages come to show the same one.
            // The clicks return once sent; the claims run on the servers' circuits, so read until one is stored.
            var clock = Stopwatch.StartNew();
            string? assignee;
            while ((assignee = (await api.GetFromJsonAsync<JsonElement>($"/api/cases/{number}")).GetProperty("assignee").GetString()) is null
                && clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Pause();
            }
            Assert.Contains(assignee, new[] { "tier1@supportconsole.local", "tier1b@supportconsole.local" });
            var name = assignee == "tier1@supportconsole.local" ? "Tina" : null;
            foreach (var page in new[] { onA, onB })
            {
                var shown = page.Locator($"{row} .assignee");
                await Expect(shown).ToHaveCountAsync(1, new() { Timeout = 10_000 });
                if (name is not null)
                {
                    await Expect(shown).ToContainTextAsync(name);
                }
                else
                {
                    await Expect(shown).Not.ToContainTextAsync("Tina");
                }
            }
            winners.Add(assignee!);
        }
        output.WriteLine("winners: " + string.Join(", ", winners));
        await onA.Context.CloseAsync();
        await onB.Context.CloseAsync();
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_on_the_other_instance_returns_the_same_case()
    {
        using var a = fixture.A.Api();
        using var b = fixture.B.Api();
        var key = "retry-" + Guid.NewGuid().ToString("N");
        var body = new { from = "joe@hooli.example", subject = "Retried on the other instance", body = "Once only." };

        var first = await Send(a);
        var retry = await Send(b);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True(retry.IsSuccessStatusCode, $"{retry.StatusCode}");
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString(),
            (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString());

        Task<HttpResponseMessage> Send(HttpClient client)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            return client.SendAsync(request);
        }
    }

    [Fact]
    public async Task A_holiday_added_on_one_instance_moves_the_deadline_the_other_computes()
    {
        using var a = fixture.A.Api();
        using var b = fixture.B.Api();
        // Received on a Tuesday afternoon: with Wednesday 2031-03-12 a holiday, the deadline moves a day later.
        const string preview = "/api/sla/preview?receivedAt=2031-03-11T20:00:00Z&plan=pro-plus";
        var before = (await b.GetFromJsonAsync<JsonElement>(preview)).GetRawText();

        var added = await a.PutAsJsonAsync("/api/holidays/2031-03-12", new { name = "Multi-instance day" });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());

        // B's calendar is in memory: it follows within moments, through the change bus.
        var clock = Stopwatch.StartNew();
        string after;
        do
        {
            after = (await b.GetFromJsonAsync<JsonElement>(preview)).GetRawText();
        }
        while (after == before && clock.Elapsed < TimeSpan.FromSeconds(10) && await Pause());
        Assert.NotEqual(before, after);
        Assert.Equal((await a.GetFromJsonAsync<JsonElement>(preview)).GetRawText(), after);
        output.WriteLine($"B's calendar followed in {clock.ElapsedMilliseconds} ms");
    }

    /// <summary>A short pause between reads of another process's state (not waiting for time to pass).</summary>
    private static async Task<bool> Pause()
    {
        await Task.Delay(50);
        return true;
    }
}
