namespace SupportConsole.Tests.Architecture;

/// <summary>
/// Features depend on each other in one direction only, and the domain on none of the app's layers. Read from the
/// compiled app (signatures and method bodies), so a reference written any way (a using, a qualified name, a generic
/// argument, a Razor @inject) counts.
/// </summary>
public sealed class FeatureDependencyTests
{
    private const string FeaturesPrefix = "SupportConsole.Features.";

    [Fact]
    public void No_two_features_depend_on_each_other_through_any_path()
    {
        var graph = FeatureGraph();
        var cycles = Cycles(graph);

        Assert.True(cycles.Count == 0, "Feature cycles: " + string.Join("; ", cycles.Select(c => string.Join(" -> ", c))));
    }

    [Fact]
    public void Domain_references_neither_data_nor_features_nor_hosting()
    {
        string[] layers = ["SupportConsole.Data", "SupportConsole.Features", "SupportConsole.Hosting", "SupportConsole.Components"];
        var offenders = DomainBoundaryTests.AllTypeReferences()
            .Where(r => r.From.StartsWith("SupportConsole.Domain", StringComparison.Ordinal))
            .Where(r => layers.Any(l => r.Referenced.StartsWith(l, StringComparison.Ordinal)))
            .Select(r => $"{r.From} -> {r.Referenced}")
            .Distinct()
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_graph_sees_the_references_that_exist()
    {
        // Guards against the cycle check passing vacuously: known one-way edges are seen, and the reverse is absent.
        var graph = FeatureGraph();

        Assert.Contains("Cases", graph["Queues"]);
        Assert.Contains("Cases", graph["Intake"]);
        Assert.DoesNotContain("Queues", graph.GetValueOrDefault("Cases") ?? []);
        Assert.DoesNotContain("Intake", graph.GetValueOrDefault("Cases") ?? []);
    }

    [Fact]
    public void The_cycle_finder_finds_a_planted_cycle()
    {
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = ["A"],
        };

        var cycle = Assert.Single(Cycles(graph));
        Assert.Equal(["A", "B", "C", "A"], cycle);
    }

    private static Dictionary<string, HashSet<string>> FeatureGraph()
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var reference in DomainBoundaryTests.AllTypeReferences())
        {
            if (FeatureOf(reference.From) is not { } from || FeatureOf(reference.Referenced) is not { } to || from == to)
            {
                continue;
            }
            if (!graph.TryGetValue(from, out var edges))
            {
                graph[from] = edges = new HashSet<string>(StringComparer.Ordinal);
            }
            edges.Add(to);
        }
        return graph;
    }

    /// <summary>"SupportConsole.Features.Intake.Phone.PhoneCallLog+&lt;&gt;c" → "Intake": a feature is its top folder.</summary>
    private static string? FeatureOf(string typeName)
    {
        if (!typeName.StartsWith(FeaturesPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = typeName[FeaturesPrefix.Length..];
        var end = rest.IndexOfAny(['.', '+', '`']);
        return end < 0 ? null : rest[..end];
    }

    /// <summary>Each cycle once, as a path that returns to its (alphabetically first) start.</summary>
    private static List<List<string>> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var found = new List<List<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in graph.Keys.Order(StringComparer.Ordinal))
        {
            Walk(start, [start]);
        }
        return found;

        void Walk(string node, List<string> path)
        {
            foreach (var next in (graph.GetValueOrDefault(node) ?? []).Order(StringComparer.Ordinal))
            {
                if (next == path[0])
                {
                    var key = string.Join(">", path);
                    if (path.All(p => string.CompareOrdinal(p, path[0]) >= 0) && seen.Add(key))
                    {
                        found.Add([.. path, next]);
                    }
                }
                else if (!path.Contains(next) && string.CompareOrdinal(next, path[0]) > 0)
                {
                    Walk(next, [.. path, next]);
                }
            }
        }
    }
}
