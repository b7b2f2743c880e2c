namespace SupportConsole.Features.Customers;

public static class CustomersHosting
{
    /// <summary>Customers and plans: the <see cref="CustomerBook"/> the admin pages and the API share.</summary>
    public static void AddCustomers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CustomerBook>();
    }
}
