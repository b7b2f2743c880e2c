namespace SupportConsole.Data;

/// <summary>The change bus of the embedded SQLite desk: one instance, so there is nobody else to tell.</summary>
public sealed class InProcessChangeBus : IChangeBus
{
    public void Publish(string topic, string payload)
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
