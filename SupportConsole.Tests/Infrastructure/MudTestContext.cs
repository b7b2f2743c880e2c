using Bunit;
using MudBlazor.Services;

namespace SupportConsole.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor's services and loose JS interop, as MudBlazor's own tests do.</summary>
public abstract class MudTestContext : BunitContext
{
    /// <summary>
    /// bUnit waits a second by default; pages here read a real database (a PostgreSQL server in the second pass) while
    /// other test classes run on the same two cores. A wait ends as soon as its condition holds, so a longer limit
    /// costs nothing when things are quick.
    /// </summary>
    static MudTestContext() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }
}
