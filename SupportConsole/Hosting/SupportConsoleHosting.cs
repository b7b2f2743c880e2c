using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using SupportConsole.Components;
using SupportConsole.Data;
using SupportConsole.Features.Account;
using SupportConsole.Features.Admin;
using SupportConsole.Features.Api;
using SupportConsole.Features.Calendar;
using SupportConsole.Features.Cases;
using SupportConsole.Features.Customers;
using SupportConsole.Features.Email;
using SupportConsole.Features.Intake.Email;
using SupportConsole.Features.Intake;
using SupportConsole.Features.Intake.Phone;
using SupportConsole.Features.Intake.WebForm;
using SupportConsole.Features.Notifications;
using SupportConsole.Features.PlanTerm;
using SupportConsole.Features.Queues;
using SupportConsole.Features.Sla;

namespace SupportConsole.Hosting;

/// <summary>The app's table of contents: every capability registers and maps itself here.</summary>
public static class SupportConsoleHosting
{
    public static WebApplicationBuilder AddSupportConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddData();
        builder.AddAccounts();
        builder.AddUserInterface();
        builder.AddCalendar();
        builder.AddApi();
        builder.AddIntake();
        builder.AddCustomers();
        builder.AddWebForm();
        builder.AddPhoneIntake();
        builder.AddQueues();
        builder.AddJobs();
        builder.AddEmailDelivery();
        builder.AddDeadlineTracking();
        builder.AddNotifications();
        builder.AddPlanTerm();
        builder.AddEmailIntake();
        builder.Services.AddSingleton<Features.Dashboard.SlaDashboard>();
        builder.Services.AddScoped<DemoData>();
        builder.Services.AddSingleton<AgentDirectory>();
        return builder;
    }

    public static WebApplication MapSupportConsole(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }
        // API errors stay problem+json; pages get the friendly not-found page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAccountEndpoints();
        app.MapSupportConsoleApi();
        app.MapJobsDashboard();
        app.MapEmailIntake();
        app.MapCaseAttachments();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }

    private static void AddData(this WebApplicationBuilder builder)
    {
        var connectionString = StoragePaths.ResolveSqlite(
            builder.Configuration.GetConnectionString("SupportConsole") ?? StoragePaths.DefaultAppDatabase,
            builder.Environment.ContentRootPath);
        var busyTimeout = builder.Configuration.GetValue("Data:BusyTimeoutMilliseconds", 10_000);
        var root = StoragePaths.DataFolder(connectionString);
        builder.Services.AddSingleton(new DataFolders(
            root,
            Path.GetFullPath(Path.Combine(root, builder.Configuration["Email:PickupFolder"] ?? "outbox")),
            Path.GetFullPath(Path.Combine(root, "attachments"))));
        builder.Services.AddDbContextFactory<SupportConsoleDbContext>(options => options
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmas(busyTimeout)));
    }

    private static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<AgentUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Accounts:MaxFailedSignIns", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Accounts:LockoutMinutes", 15));
            })
            .AddEntityFrameworkStores<SupportConsoleDbContext>()
            .AddClaimsPrincipalFactory<AgentClaimsFactory>()
            .AddDefaultTokenProviders();

        // Cookies are checked against the account once a minute: disabling or demoting someone takes effect within a minute.
        builder.Services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.TimeProvider = clock;
        });
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((cookie, clock) => cookie.TimeProvider = clock);
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = "SupportConsole.Auth";
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
        });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddAuthorization(options =>
        {
            foreach (var (policy, roles) in Policies.RolesByPolicy)
            {
                options.AddPolicy(policy, p => p.RequireRole(roles));
            }
        });

        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<AuthenticationStateProvider, AgentAuthenticationStateProvider>();
        builder.Services.AddScoped<AccountBootstrap>();
    }

    private static void AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(CalendarOptions.From(builder.Configuration));
        builder.Services.AddSingleton<BusinessCalendar>();
        builder.Services.AddSingleton<HolidayBook>();
    }

    private static void AddIntake(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CaseChangeNotifier>();
        builder.Services.AddSingleton<CaseDesk>();
        builder.Services.AddSingleton<RoutingDirectoryCache>();
        builder.Services.AddSingleton<CaseIntake>();
        builder.Services.AddSingleton<ListChangeRequests>();
    }

    private static void AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyAuthentication.Policy, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser());
    }

    private static void AddUserInterface(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddHttpContextAccessor();
    }
}
