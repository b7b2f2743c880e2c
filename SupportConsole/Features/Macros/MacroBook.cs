using Microsoft.EntityFrameworkCore;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Hosting;

namespace SupportConsole.Features.Macros;

/// <summary>
/// Canned replies. Shared macros are the team's, kept by managers and administrators; any agent keeps personal ones,
/// which only they see. Every change checks, in the database, the acting account's roles as they are now
/// (<see cref="ActingUser"/>) and who owns the macro, so a page opened before a demotion cannot edit the team's list.
/// </summary>
public sealed class MacroBook(IDbContextFactory<SupportConsoleDbContext> dbFactory, ActingUser actingUser, TimeProvider clock)
{
    /// <summary>Who keeps the shared macros.</summary>
    public static readonly string[] SharedKeepers = [Roles.Manager, Roles.Admin];

    /// <summary>Who keeps personal macros and uses macros: everyone who works cases, and administrators.</summary>
    public static readonly string[] Keepers = [.. ActingUser.DeskRoles, Roles.Admin];

    /// <summary>The macros a person may use: the shared ones and their own, by name.</summary>
    public async Task<IReadOnlyList<Macro>> AvailableToAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var macros = await db.Macros.AsNoTracking().Where(m => m.OwnerUserId == null || m.OwnerUserId == userId).ToListAsync(cancellationToken);
        return [.. macros.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ThenBy(m => m.Id)];
    }

    /// <summary>Whether the person may keep the shared macros, on their roles as they are now.</summary>
    public async Task<bool> KeepsSharedAsync(string userId, CancellationToken cancellationToken = default) =>
        await actingUser.RefusalAsync(userId, SharedKeepers, cancellationToken) is null;

    public async Task<MacroResult> SaveAsync(string userId, string userName, MacroInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await actingUser.RefusalAsync(userId, Keepers, cancellationToken) is { } refusal)
        {
            return MacroResult.Refused(refusal);
        }
        var name = input.Name?.Trim() ?? "";
        var body = input.Body?.Trim() ?? "";
        if (name.Length == 0)
        {
            return MacroResult.Refused("Give the macro a name.");
        }
        if (name.Length > MacroLimits.NameLength)
        {
            return MacroResult.Refused($"A macro's name has at most {MacroLimits.NameLength} characters.");
        }
        if (body.Length == 0)
        {
            return MacroResult.Refused("Write the reply the macro fills in.");
        }
        if (body.Length > MacroLimits.BodyLength)
        {
            return MacroResult.Refused($"A macro's text has at most {MacroLimits.BodyLength} characters.");
        }
        if (input.SetStatus is { } status && !Enum.IsDefined(status) || input.SetSeverity is { } severity && !Enum.IsDefined(severity))
        {
            return MacroResult.Refused("Choose a status and severity from the lists.");
        }
        var keepsShared = await KeepsSharedAsync(userId, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Macro? macro;
        if (input.Id == 0)
        {
            macro = new Macro();
            db.Macros.Add(macro);
        }
        else
        {
            macro = await db.Macros.FirstOrDefaultAsync(m => m.Id == input.Id, cancellationToken);
            if (macro is null || (macro.OwnerUserId is { } owner && owner != userId))
            {
                return MacroResult.Refused("That macro no longer exists.");
            }
            if (macro.IsShared && !keepsShared)
            {
                return MacroResult.Refused("Only a manager or an administrator can change a shared macro.");
            }
        }
        if (input.Shared && !keepsShared)
        {
            return MacroResult.Refused("Only a manager or an administrator can share a macro with the team; keep it as your own.");
        }
        macro.Name = name;
        macro.Body = body;
        macro.OwnerUserId = input.Shared ? null : userId;
        macro.SetStatus = input.SetStatus;
        macro.SetSeverity = input.SetSeverity;
        macro.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        macro.UpdatedBy = userName;
        await db.SaveChangesAsync(cancellationToken);
        return new MacroResult(true, input.Id == 0 ? $"Macro \"{name}\" added." : $"Macro \"{name}\" saved.", macro.Id);
    }

    public async Task<MacroResult> DeleteAsync(string userId, long macroId, CancellationToken cancellationToken = default)
    {
        if (await actingUser.RefusalAsync(userId, Keepers, cancellationToken) is { } refusal)
        {
            return MacroResult.Refused(refusal);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var macro = await db.Macros.FirstOrDefaultAsync(m => m.Id == macroId, cancellationToken);
        if (macro is null || (macro.OwnerUserId is { } owner && owner != userId))
        {
            return MacroResult.Refused("That macro no longer exists.");
        }
        if (macro.IsShared && !await KeepsSharedAsync(userId, cancellationToken))
        {
            return MacroResult.Refused("Only a manager or an administrator can delete a shared macro.");
        }
        db.Macros.Remove(macro);
        await db.SaveChangesAsync(cancellationToken);
        return new MacroResult(true, $"Macro \"{macro.Name}\" deleted.");
    }

    /// <summary>What applying a macro changes besides the text, in words ("sets the status to Waiting on customer").</summary>
    public static string? Effects(Macro macro)
    {
        ArgumentNullException.ThrowIfNull(macro);
        var parts = new List<string>();
        if (macro.SetStatus is { } status)
        {
            parts.Add($"status → {status.DisplayName()}");
        }
        if (macro.SetSeverity is { } severity)
        {
            parts.Add($"severity → {severity.DisplayName()}");
        }
        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
