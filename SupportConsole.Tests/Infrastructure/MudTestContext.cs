using Bunit;
using MudBlazor.Services;

namespace SupportConsole.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor's services and loose JS interop, as MudBlazor's own tests do.</summary>
public abstract class MudTestContext : BunitContext
{
    protected MudTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }
}
