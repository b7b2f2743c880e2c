namespace SupportConsole.Domain.Intake;

/// <summary>
/// Who may add mail to an existing case. A case number in a subject (or a Message-ID in References) is public
/// knowledge: anyone who saw one mail could otherwise write into a customer's case, read its replies and steer it.
/// So the thread is open only to its participants: the requester, anyone the case's customer lists as a sender of
/// its cases (same matching as routing, through <see cref="OriginationList.Match"/>), and the desk's agents.
/// Everyone else gets a case of their own. The To/Cc of earlier messages are not a source: the desk does not store them.
/// </summary>
public static class ThreadParticipants
{
    /// <param name="sender">The normalized sender of the new mail.</param>
    /// <param name="requester">The case's stored FromAddress (normalized when it was stored; parsed again to be sure).</param>
    /// <param name="customerList">The origination list of the case's customer; <see cref="OriginationList.Empty"/> when it has none.</param>
    /// <param name="agentAddresses">Normalized account emails; a caller may pass only the ones that could match.</param>
    public static ThreadParticipantRole Classify(EmailAddress sender, string? requester, OriginationList customerList, IReadOnlyCollection<string> agentAddresses)
    {
        ArgumentNullException.ThrowIfNull(customerList);
        ArgumentNullException.ThrowIfNull(agentAddresses);
        if (sender.Value.Length == 0)
        {
            return ThreadParticipantRole.Stranger;
        }
        if (EmailAddress.TryParse(requester, out var opener, out _) && opener == sender)
        {
            return ThreadParticipantRole.Requester;
        }
        if (customerList.Match(sender) is not null)
        {
            return ThreadParticipantRole.CustomerListed;
        }
        foreach (var agent in agentAddresses)
        {
            if (EmailAddress.TryParse(agent, out var address, out _) && address == sender)
            {
                return ThreadParticipantRole.Agent;
            }
        }
        return ThreadParticipantRole.Stranger;
    }

    public static bool IsParticipant(ThreadParticipantRole role) => role != ThreadParticipantRole.Stranger;
}
