using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SupportConsole.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SupportConsole.Tests.Browser;

/// <summary>Two Tier 1 agents in two browser contexts working the queues side by side.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QueuesBrowserTests(BrowserFixture browser)
{
    private async Task<IPage> AgentOnQueuesAsync(string email, string password)
    {
        var page = await browser.NewPageAsync();
        await browser.SignInAsync(page, email, password);
        await Expect(page).ToHaveURLAsync(new Regex("/queues$"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        return page;
    }

    private async Task<string> PostCaseAsync(string from, string subject, int severity = 3)
    {
        using var api = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        api.DefaultRequestHeaders.Authorization = new("Bearer", AppFactory.ApiKey);
        var response = await api.PostCaseAsync(new { from, name = "Customer", subject, body = "Body", severity });
        response.EnsureSuccessStatusCode();
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    [Fact]
    public async Task A_case_posted_through_the_API_appears_on_both_agents_pages_and_a_claim_by_one_shows_on_the_other()
    {
        var tina = await AgentOnQueuesAsync("tier1@supportconsole.local", "Demo-tier1-1");
        var theo = await AgentOnQueuesAsync("tier1b@supportconsole.local", "Demo-tier1-2");
        var subject = "Both pages " + Guid.NewGuid().ToString("N")[..8];

        var number = await PostCaseAsync("bob@acme.example", subject, 2);

        var tinaRow = tina.Locator($"#priority-queue [data-number='{number}']");
        var theoRow = theo.Locator($"#priority-queue [data-number='{number}']");
        await Expect(tinaRow).ToContainTextAsync(subject, new() { Timeout = 5000 });
        await Expect(theoRow).ToContainTextAsync(subject, new() { Timeout = 5000 });

        await tinaRow.Locator(".claim-button").ClickAsync();

        await Expect(theoRow.Locator(".assignee")).ToHaveTextAsync("Tina Tier1", new() { Timeout = 5000 });
        await Expect(tinaRow.Locator(".assignee")).ToHaveTextAsync("Tina Tier1");
        await tina.Context.CloseAsync();
        await theo.Context.CloseAsync();
    }

    [Fact]
    public async Task Keyboard_c_claims_the_highlighted_case_and_the_loser_is_told_who_has_it()
    {
        var tina = await AgentOnQueuesAsync("tier1@supportconsole.local", "Demo-tier1-1");
        var theo = await AgentOnQueuesAsync("tier1b@supportconsole.local", "Demo-tier1-2");
        var number = await PostCaseAsync("joe@hooli.example", "Keyboard claim " + Guid.NewGuid().ToString("N")[..8]);
        var theoRow = theo.Locator($"#standard-queue [data-number='{number}']");
        await Expect(theoRow).ToBeVisibleAsync();
        await theoRow.Locator(".subject").ClickAsync(); // highlight it
        await Expect(theoRow).ToHaveAttributeAsync("aria-selected", "true");

        var tinaRow = tina.Locator($"#standard-queue [data-number='{number}']");
        await tinaRow.Locator(".claim-button").ClickAsync();
        await Expect(theoRow.Locator(".assignee")).ToHaveTextAsync("Tina Tier1");

        await theo.Keyboard.PressAsync("c");
        await Expect(theo.Locator("#mud-snackbar-container").GetByText($"Tina Tier1 already has {number}.")).ToBeVisibleAsync();
        await Expect(theo.Locator("#queue-announcer")).ToHaveTextAsync($"Tina Tier1 already has {number}."); // and screen readers hear it
        await tina.Context.CloseAsync();
        await theo.Context.CloseAsync();
    }

    [Fact]
    public async Task Take_next_with_n_claims_the_oldest_unclaimed_priority_case_awaiting_a_first_response_and_says_why()
    {
        var tina = await AgentOnQueuesAsync("tier1@supportconsole.local", "Demo-tier1-1");
        var theo = await AgentOnQueuesAsync("tier1b@supportconsole.local", "Demo-tier1-2");
        // Theo takes everything already waiting, so the rule's choice among the new cases is predictable.
        while (true)
        {
            await theo.ClickAsync("#take-next");
            await Expect(theo.Locator("#take-next-result")).ToBeVisibleAsync();
            var text = await theo.Locator("#take-next-result").InnerTextAsync();
            if (text.Contains("Nothing to take")) break;
            await theo.Locator("#take-next-result button").ClickAsync();
            await Expect(theo.Locator("#take-next-result")).ToHaveCountAsync(0);
        }
        await PostCaseAsync("joe@hooli.example", "Standard first " + Guid.NewGuid().ToString("N")[..8], 1);
        var oldestPriority = await PostCaseAsync("bob@acme.example", "Priority oldest " + Guid.NewGuid().ToString("N")[..8], 4);
        await PostCaseAsync("carl@acme.example", "Priority newer " + Guid.NewGuid().ToString("N")[..8], 1);
        await Expect(tina.Locator($"#priority-queue [data-number='{oldestPriority}']")).ToBeVisibleAsync();

        await tina.Keyboard.PressAsync("n");

        var result = tina.Locator("#take-next-result");
        await Expect(result).ToContainTextAsync($"{oldestPriority} is yours.");
        await Expect(result).ToContainTextAsync("Oldest unclaimed priority case awaiting a first response");
        await Expect(tina.Locator("#take-next-rule")).ToContainTextAsync("oldest unclaimed priority case awaiting a first response");
        await Expect(theo.Locator($"#priority-queue [data-number='{oldestPriority}'] .assignee")).ToHaveTextAsync("Tina Tier1");
        await tina.Context.CloseAsync();
        await theo.Context.CloseAsync();
    }
}
