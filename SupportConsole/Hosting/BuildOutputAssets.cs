namespace SupportConsole.Hosting;

/// <summary>
/// Lets the app run in any environment from a plain build (<c>dotnet build</c>, then <c>dotnet SupportConsole.dll</c>), not
/// only from <c>dotnet publish</c>: a build has no wwwroot beside the app, only a manifest pointing at the project's and
/// packages' folders, which ASP.NET Core reads by itself in Development alone. Elsewhere it would answer every CSS and
/// script request with an empty 200 and the pages would load unstyled and dead. A published app has no such manifest,
/// so nothing changes for it.
/// </summary>
public static class BuildOutputAssets
{
    public static void UseBuildOutputAssetsOutsideDevelopment(this WebApplicationBuilder builder)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json");
        if (builder.Environment.IsDevelopment() || !File.Exists(manifest))
        {
            return;
        }
        builder.WebHost.UseStaticWebAssets();
        Console.WriteLine($"SupportConsole runs from a build output in {builder.Environment.EnvironmentName}: static files come from the project's folders. Production should run the output of 'dotnet publish'.");
    }
}
