using SupportConsole.Domain.Cases;

namespace SupportConsole.Features.Intake;

/// <summary>The case intake produced or found: <c>Created</c> is false for a replayed Idempotency-Key or a repeated Message-ID.</summary>
public sealed record IntakeResult(SupportCase Case, bool Created);
