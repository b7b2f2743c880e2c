namespace SupportConsole.Data;

/// <summary>
/// Tells the other app instances on the same database that something changed (a case, the holidays, the routing
/// directory, someone's notifications), so their live pages and in-memory views follow within a second. On SQLite
/// there is one instance and nothing to tell (<see cref="InProcessChangeBus"/>); on PostgreSQL it is LISTEN/NOTIFY
/// (<see cref="PostgreSqlChangeBus"/>). An instance never hears its own messages: it has already acted on them.
/// </summary>
public interface IChangeBus
{
    /// <summary>
    /// Sends a message on a topic to the other instances, after the change it describes was committed. The payload is
    /// only made when there is someone to send it to (never on the single-instance desk).
    /// </summary>
    void Publish(string topic, Func<string> payload);

    /// <summary>
    /// Hears a topic's messages from the other instances. After the bus lost and regained its connection (messages may
    /// have been missed meanwhile) the handler is called once with a null payload: read everything again.
    /// </summary>
    IDisposable Subscribe(string topic, Func<string?, Task> handler);
}
