using SupportConsole.Domain.Cases;

namespace SupportConsole.Features.Macros;

/// <summary>A macro as the editor sends it: <see cref="Id"/> 0 for a new one; <see cref="Shared"/> for the team's list.</summary>
public sealed record MacroInput(long Id, string? Name, string? Body, bool Shared, CaseStatus? SetStatus = null, CaseSeverity? SetSeverity = null);
