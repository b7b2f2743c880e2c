using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SupportConsole.Domain.Customers;

namespace SupportConsole.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> customer)
    {
        customer.Property(c => c.Name).HasMaxLength(200).IsRequired();
        customer.HasIndex(c => c.Name);
        customer.Property(c => c.PrimaryContactName).HasMaxLength(200);
        customer.Property(c => c.PrimaryContactEmail).HasMaxLength(254);
        customer.Property(c => c.PrimaryContactPhone).HasMaxLength(50);
        customer.Property(c => c.HelpdeskPhone).HasMaxLength(50);
        customer.HasMany(c => c.OriginationList).WithOne().HasForeignKey(e => e.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
