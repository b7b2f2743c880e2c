using SupportConsole.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSupportConsole();

var app = builder.Build();
await app.PrepareAsync();
app.MapSupportConsole();
app.Run();

/// <summary>The entry point, public so integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
