namespace SupportConsole.Data;

/// <summary>The change bus of the embedded SQLite desk: one instance, so there is nobody else to tell.</summary>
public sealed class InProcessChangeBus : IChangeBus
{
    /// <summary>The one bus of the single-instance desk (it holds nothing, so one serves every host).</summary>
    public static readonly InProcessChangeBus Instance = new();

    private InProcessChangeBus()
    {
    }

    public void Publish(string topic, Func<string> payload)
    {
    }

    public IDisposable Subscribe(string topic, Func<string?, Task> handler) => NoSubscription.Instance;

    private sealed class NoSubscription : IDisposable
    {
        public static readonly NoSubscription Instance = new();

        public void Dispose()
        {
        }
    }
}
