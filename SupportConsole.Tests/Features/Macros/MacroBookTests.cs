using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SupportConsole.Data;
using SupportConsole.Domain.Cases;
using SupportConsole.Features.Macros;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Macros;

/// <summary>One host for the macro book's tests.</summary>
public sealed class MacroBookApp() : SharedApp(new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.Zero));

/// <summary>Shared macros are kept by managers and administrators; personal ones by their owner; checked on the roles held now.</summary>
public sealed class MacroBookTests(MacroBookApp shared) : IClassFixture<MacroBookApp>, IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await shared.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private MacroBook Book => shared.App.Services.GetRequiredService<MacroBook>();

    private async Task<AgentUser> AgentAsync(string email)
    {
        using var scope = shared.App.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AgentUser>>().FindByEmailAsync(email))!;
    }

    [Fact]
    public async Task An_agent_cannot_edit_share_or_delete_a_shared_macro_and_a_manager_can()
    {
        var maria = await AgentAsync("manager@supportconsole.local");
        var tina = await AgentAsync("tier1@supportconsole.local");
        var created = await Book.SaveAsync(maria.Id, maria.Email!, new MacroInput(0, "Known outage", "We are on it, {{requester.name}}.", true, CaseStatus.WaitingOnCustomer));
        Assert.True(created.Succeeded, created.Message);
        var id = created.MacroId!.Value;

        var edit = await Book.SaveAsync(tina.Id, tina.Email!, new MacroInput(id, "Mine now", "Changed.", false));
        var share = await Book.SaveAsync(tina.Id, tina.Email!, new MacroInput(0, "Team one", "Hello.", true));
        var delete = await Book.DeleteAsync(tina.Id, id);

        Assert.False(edit.Succeeded);
        Assert.Contains("manager", edit.Message);
        Assert.False(share.Succeeded);
        Assert.False(delete.Succeeded);
        var seenByTina = Assert.Single(await Book.AvailableToAsync(tina.Id));
        Assert.Equal(("Known outage", true), (seenByTina.Name, seenByTina.IsShared));

        var managerEdit = await Book.SaveAsync(maria.Id, maria.Email!, new MacroInput(id, "Known outage (EU)", "Still on it.", true, null, CaseSeverity.High));
        Assert.True(managerEdit.Succeeded, managerEdit.Message);
        var edited = Assert.Single(await Book.AvailableToAsync(tina.Id));
        Assert.Equal(("Known outage (EU)", (CaseStatus?)null, (CaseSeverity?)CaseSeverity.High), (edited.Name, edited.SetStatus, edited.SetSeverity));
        Assert.True((await Book.DeleteAsync(maria.Id, id)).Succeeded);
        Assert.Empty(await Book.AvailableToAsync(tina.Id));
    }

    [Fact]
    public async Task A_personal_macro_is_seen_and_kept_by_its_owner_alone()
    {
        var tina = await AgentAsync("tier1@supportconsole.local");
        var theo = await AgentAsync("tier1b@supportconsole.local");
        var maria = await AgentAsync("manager@supportconsole.local");
        var created = await Book.SaveAsync(tina.Id, tina.Email!, new MacroInput(0, "My sign-off", "Cheers, {{agent.name}}", false));
        Assert.True(created.Succeeded);
        var id = created.MacroId!.Value;

        Assert.Single(await Book.AvailableToAsync(tina.Id));
        Assert.Empty(await Book.AvailableToAsync(theo.Id));
        Assert.Empty(await Book.AvailableToAsync(maria.Id));
        Assert.False((await Book.SaveAsync(theo.Id, theo.Email!, new MacroInput(id, "Taken", "x", false))).Succeeded);
        Assert.False((await Book.DeleteAsync(maria.Id, id)).Succeeded);
        Assert.True((await Book.SaveAsync(tina.Id, tina.Email!, new MacroInput(id, "My sign-off", "Best, {{agent.name}}", false))).Succeeded);
        Assert.Equal("Best, {{agent.name}}", Assert.Single(await Book.AvailableToAsync(tina.Id)).Body);
    }

    [Fact]
    public async Task Someone_without_a_desk_role_keeps_no_macros_and_a_macro_needs_a_name_and_text()
    {
        var sol = await AgentAsync("sales@supportconsole.local");
        var tina = await AgentAsync("tier1@supportconsole.local");

        Assert.False((await Book.SaveAsync(sol.Id, sol.Email!, new MacroInput(0, "Sales", "Hi", false))).Succeeded);
        Assert.False((await Book.SaveAsync(tina.Id, tina.Email!, new MacroInput(0, " ", "Hi", false))).Succeeded);
        Assert.False((await Book.SaveAsync(tina.Id, tina.Email!, new MacroInput(0, "Empty", "  ", false))).Succeeded);
        Assert.False((await Book.SaveAsync(tina.Id, tina.Email!, new MacroInput(0, "Odd", "Hi", false, (CaseStatus)42))).Succeeded);
        Assert.True(await Book.KeepsSharedAsync((await AgentAsync("admin@supportconsole.local")).Id));
        Assert.False(await Book.KeepsSharedAsync(tina.Id));
    }
}
