using MudBlazor.Services;
using Scalar.AspNetCore;
using SupportConsole.Components;
using SupportConsole.Data;
using SupportConsole.Features.Account;
using SupportConsole.Features.Admin;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Calls;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Customers;
using SupportConsole.Features.Dashboard;
using SupportConsole.Features.Escalations;
using SupportConsole.Features.Intake;
using SupportConsole.Features.Notifications;
using SupportConsole.Features.OutgoingMail;
using SupportConsole.Features.PlanTerm;
using SupportConsole.Features.Queues;
using SupportConsole.Features.Reports;
using SupportConsole.Features.Sla;
using SupportConsole.Features.Staff;
using SupportConsole.Hosting.Api;

namespace SupportConsole.Hosting;

/// <summary>The app's table of contents: the shared plumbing, then every feature registering and mapping itself.</summary>
public static class SupportConsoleHosting
{
    public static WebApplicationBuilder AddSupportConsole(this WebApplicationBuilder builder)
    {
        builder.UseBuildOutputAssetsOutsideDevelopment();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AppLinks>();
        builder.AddData();
        builder.AddUserInterface();
        builder.AddApi();
        builder.AddJobs();
        builder.AddHealth();

        builder.AddAccount();
        builder.AddCalendar();
        builder.AddOutgoingMail();
        builder.AddNotifications();
        builder.AddPlanTerm();
        builder.AddCustomers();
        builder.AddStaff();
        builder.AddCases();
        builder.AddIntake();
        builder.AddQueues();
        builder.AddEscalations();
        builder.AddCalls();
        builder.AddSla();
        builder.AddReports();
        builder.AddDashboard();
        builder.AddAdmin();
        return builder;
    }

    public static WebApplication MapSupportConsole(this WebApplication app)
    {
        app.UseProxyHeaders();
        // First, so every response (errors, 404s, static files, downloads) carries the browser hardening headers.
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        // Inside the error page: a database that does not answer is an outage (503, Retry-After), in every environment.
        app.UseMiddleware<DatabaseUnavailableMiddleware>();
        // API errors stay problem+json; pages get the friendly not-found page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseApiRequestSizeLimits());
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealth();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        // The API reference: the OpenAPI document the endpoints describe, and a browsable page over it.
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api-reference", options => options.WithTitle("SupportConsole API")).AllowAnonymous();
        app.MapJobsDashboard();

        app.MapAccount();
        app.MapCalendar();
        app.MapCustomers();
        app.MapStaff();
        app.MapCases();
        app.MapIntake();
        app.MapQueues();
        app.MapEscalations();
        app.MapCalls();
        app.MapReports();
        app.MapApiFallback();
        return app;
    }

    private static void AddUserInterface(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // One stack of messages, bottom left (the page's actions are top right), at most three at a time, newest on top.
        builder.Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomLeft;
            options.SnackbarConfiguration.MaxDisplayedSnackbars = 3;
            options.SnackbarConfiguration.NewestOnTop = true;
            options.SnackbarConfiguration.PreventDuplicates = true;
        });
        builder.Services.AddHttpContextAccessor();
    }
}
