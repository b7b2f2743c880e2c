using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Reports;

/// <summary>
/// A desk's history brought in through <c>POST /api/cases</c>, with answers known by hand. The clock stands at
/// Wed 2026-11-25 14:00 CST (Thanksgiving tomorrow). All from acme.example (Acme Corp, Pro Plus: priority queue).
/// </summary>
internal static class ImportedHistory
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 20, 0, 0, TimeSpan.Zero);

    /// <summary>Subjects in import order: A..F as the expectations below name them.</summary>
    public static async Task<Dictionary<string, string>> ImportAsync(HttpClient api)
    {
        var numbers = new Dictionary<string, string>();
        // Week of Mon 11-16. A: received Mon 08:00 CST, due Wed 11-18 08:00 CST, answered after 1 business hour: met (3600 s).
        numbers["A"] = await PostAsync(api, "A", "2026-11-16T14:00:00Z", "2026-11-16T15:00:00Z", "closed", "2026-11-17T15:00:00Z");
        // B: due Wed 11-18 09:00 CST, answered Thu 11-19 09:00 CST: missed (late), 36 business hours (129600 s).
        numbers["B"] = await PostAsync(api, "B", "2026-11-16T15:00:00Z", "2026-11-19T15:00:00Z", "resolved", null);
        // C: due Wed 11-18 10:00 CST, closed without a reply: missed.
        numbers["C"] = await PostAsync(api, "C", "2026-11-16T16:00:00Z", null, "closed", "2026-11-18T12:00:00Z");
        // Week of Mon 11-23. D: due Wed 11-25 08:00 CST, still open and unanswered: missed.
        numbers["D"] = await PostAsync(api, "D", "2026-11-23T14:00:00Z", null, null, null);
        // E: received Tue 11-24 08:00 CST; Thanksgiving skipped, due Fri 11-27 08:00 CST: pending.
        numbers["E"] = await PostAsync(api, "E", "2026-11-24T14:00:00Z", null, "waiting-on-customer", null);
        // F: answered after 2 business hours: met (7200 s).
        numbers["F"] = await PostAsync(api, "F", "2026-11-24T15:00:00Z", "2026-11-24T17:00:00Z", "open", null);
        // No commitment (standard queue): in no SLA figure.
        numbers["S"] = await PostAsync(api, "S", "2026-11-24T15:00:00Z", null, null, null, "someone@example.org");
        return numbers;
    }

    private static async Task<string> PostAsync(HttpClient api, string subject, string receivedAt, string? firstRespondedAt, string? status, string? closedAt, string from = "ann@acme.example")
    {
        var response = await api.PostCaseAsync(new { from, subject, body = "history", severity = 3, receivedAt, firstRespondedAt, status, closedAt });
        var json = await response.JsonAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, json.ToString());
        return json.GetProperty("number").GetString()!;
    }
}
