using System.Text.Json;

namespace SupportConsole.Features.Customers;

/// <summary>Turns an audit entry's compact JSON before/after into one readable line per field for the audit trail.</summary>
public static class AuditChanges
{
    public sealed record Line(string Field, string? Before, string After);

    public static IReadOnlyList<Line> Describe(string before, string after)
    {
        var was = Read(before);
        var now = Read(after);
        if (was is null && now is null)
        {
            return string.IsNullOrEmpty(before) && string.IsNullOrEmpty(after) ? [] : [new Line("change", NullIfEmpty(before), after)];
        }
        var lines = new List<Line>();
        foreach (var field in (now ?? []).Keys.Union((was ?? []).Keys))
        {
            var oldText = was is not null && was.TryGetValue(field, out var o) ? Text(o) : null;
            var newText = now is not null && now.TryGetValue(field, out var n) ? Text(n) : "—";
            lines.Add(new Line(Label(field), oldText, newText));
        }
        return lines;
    }

    private static Dictionary<string, JsonElement>? Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json) || !json.TrimStart().StartsWith('{'))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "(empty)" : string.Join(", ", value.EnumerateArray().Select(Text)),
        JsonValueKind.Object => string.Join(", ", value.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.String || p.Value.GetString() != "").Select(p => Text(p.Value))) is { Length: > 0 } s ? s : "(none)",
        JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s : "(none)",
        JsonValueKind.Null => "(none)",
        _ => value.GetRawText(),
    };

    private static string Label(string field) => field switch
    {
        "termStart" => "term start",
        "termEnd" => "term end",
        "primaryContact" => "primary contact",
        "helpdeskPhone" => "helpdesk phone",
        "originationList" => "origination list",
        _ => field,
    };

    private static string? NullIfEmpty(string text) => string.IsNullOrEmpty(text) ? null : text;
}
