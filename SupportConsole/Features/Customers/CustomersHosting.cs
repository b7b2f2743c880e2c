using SupportConsole.Domain.Intake;

namespace SupportConsole.Features.Customers;

public static class CustomersHosting
{
    /// <summary>Customers and plans: the <see cref="CustomerBook"/> the admin pages and the API share, and the routing directory read from it.</summary>
    public static void AddCustomers(this WebApplicationBuilder builder)
    {
        // Customers:FreeMailDomains replaces the built-in list when set.
        var freeMail = builder.Configuration.GetSection("Customers:FreeMailDomains").Get<string[]>();
        builder.Services.AddSingleton(freeMail is { Length: > 0 } ? new FreeMailDomains(freeMail) : FreeMailDomains.Default);
        builder.Services.AddSingleton<CustomerBook>();
        builder.Services.AddSingleton<RoutingDirectoryCache>();
    }

    public static void MapCustomers(this WebApplication app) => app.MapCustomerEndpoints();
}
