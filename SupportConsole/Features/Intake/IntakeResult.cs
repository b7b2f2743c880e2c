using SupportConsole.Domain.Cases;

namespace SupportConsole.Features.Intake;

/// <summary>
/// The case intake produced or found: <c>Created</c> is false for a replayed Idempotency-Key or a repeated Message-ID.
/// <c>DifferentRequest</c> is true when the replayed key came with another request than the one that first used it
/// (a client bug, or two clients sharing keys): the case is the first request's, and the caller should refuse.
/// </summary>
public sealed record IntakeResult(SupportCase Case, bool Created, bool DifferentRequest = false);
