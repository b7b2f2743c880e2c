namespace SupportConsole.Data;

/// <summary>What a sender confirms by following a link mailed to their address.</summary>
public enum SenderConfirmationKind
{
    /// <summary>A web-form case from a listed address: confirming moves it to the priority queue.</summary>
    WebFormCase = 1,

    /// <summary>An origination list change: the primary contact on file confirms that they asked for it.</summary>
    ListChange = 2,
}
