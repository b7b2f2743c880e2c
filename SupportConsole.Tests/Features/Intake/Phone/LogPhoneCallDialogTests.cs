using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SupportConsole.Data;
using SupportConsole.Features.Intake.Phone;
using SupportConsole.Hosting;
using SupportConsole.Tests.Features.Cases.Pages;
using SupportConsole.Tests.Infrastructure;

namespace SupportConsole.Tests.Features.Intake.Phone;

/// <summary>The "log phone call" dialog says "Required" only for a field the agent touched and left empty, or after "Log call"; never on open.</summary>
public sealed class LogPhoneCallDialogTests : MudTestContext, IClassFixture<CaseDeskApp>
{
    private readonly IRenderedComponent<MudDialogProvider> dialogs;

    public LogPhoneCallDialogTests(CaseDeskApp fixture)
    {
        fixture.Lend(this);
        Services.AddSingleton(fixture.Get<IDbContextFactory<SupportConsoleDbContext>>());
        CaseDeskApp.SignIn(this, fixture.Agent("tier1@supportconsole.local"), Roles.Tier1);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        dialogs = Render<MudDialogProvider>();
    }

    private async Task OpenAsync()
    {
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<LogPhoneCallDialog>("Log phone call"));
        dialogs.WaitForAssertion(() => Assert.True(dialogs.FindAll("#phone-save").Count == 1, dialogs.Markup[..Math.Min(1500, dialogs.Markup.Length)]));
    }

    private int RequiredCount() => dialogs.FindAll(".mud-input-helper-text.mud-input-error, .mud-input-error .mud-input-helper-text")
        .Count(e => e.TextContent.Contains("Required", StringComparison.Ordinal));

    [Fact]
    public async Task A_fresh_dialog_shows_no_required_errors_and_a_field_emptied_again_does()
    {
        await OpenAsync();

        Assert.DoesNotContain("Required", dialogs.Markup, StringComparison.Ordinal);
        Assert.Empty(dialogs.FindAll(".mud-input-error"));
        Assert.Equal("true", dialogs.Find("input#phone-caller-name, #phone-caller-name input").GetAttribute("aria-required"));

        var name = dialogs.Find("input#phone-caller-name, #phone-caller-name input");
        name.Change("Pat");
        dialogs.Find("input#phone-caller-name, #phone-caller-name input").Change("");

        dialogs.WaitForAssertion(() => Assert.Equal(1, RequiredCount()));
        Assert.Contains("Required", dialogs.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_call_with_nothing_filled_in_marks_every_required_field()
    {
        await OpenAsync();

        dialogs.Find("#phone-save").Click();

        dialogs.WaitForAssertion(() => Assert.True(dialogs.FindAll(".mud-input-error").Count >= 3, dialogs.Markup[..Math.Min(600, dialogs.Markup.Length)]));
    }
}
