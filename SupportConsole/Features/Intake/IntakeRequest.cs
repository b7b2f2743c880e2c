using SupportConsole.Domain.Cases;

namespace SupportConsole.Features.Intake;

/// <summary>What a channel hands to intake: the message as received, before routing.</summary>
public sealed record IntakeRequest(
    CaseChannel Channel,
    string From,
    string? FromName,
    string Subject,
    string Body,
    CaseSeverity Severity,
    DateTimeOffset? ImportedReceivedAt = null,
    string? IdempotencyKey = null,
    string? MessageId = null,
    string? AcknowledgmentSuppressedBecause = null,
    DateTimeOffset? ArrivedAt = null,
    CaseEntry? ChannelEntry = null,
    bool AnsweredOnArrival = false,
    string? Category = null,
    string? SenderDoubt = null,
    string? PriorityDoubt = null,
    bool SenderAuthenticated = false,
    string? SenderCheck = null,
    ImportedHistory? History = null)
{
    // ImportedReceivedAt: an importer's claimed date (the case is marked imported). ArrivedAt: an instant this
    // server's own channel witnessed, such as a phone call's start. ChannelEntry: an extra thread entry (the call)
    // saved in the same transaction. AnsweredOnArrival: the channel answered the customer (a phone call), which
    // is the first response. SenderDoubt: what contradicts the claimed sender (see SenderAuthenticity); such a case
    // never gets the priority queue, and the doubt is in its routing reason. PriorityDoubt: why the sender's
    // authentication does not allow priority (see SenderAuthentication.PriorityDoubt); applied only when the routing
    // would give priority. SenderAuthenticated/SenderCheck: a trusted server authenticated the From domain, and what it
    // said, for list change requests. History: for an import only, the first
    // response, status and closing the other tool recorded, so the desk's reports start full.
}
