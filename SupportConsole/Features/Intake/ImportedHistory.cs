using SupportConsole.Domain.Cases;

namespace SupportConsole.Features.Intake;

/// <summary>
/// What an import brings beyond the arrival (<c>POST /api/cases</c> with <c>receivedAt</c>): the first response the
/// previous tool recorded, the status, and when the case was closed. Never acknowledged, never alerted for the past.
/// </summary>
public sealed record ImportedHistory(DateTimeOffset? FirstRespondedAt, CaseStatus? Status, DateTimeOffset? ClosedAt);
