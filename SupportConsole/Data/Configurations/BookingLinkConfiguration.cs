using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportConsole.Data.Configurations;

internal sealed class BookingLinkConfiguration : IEntityTypeConfiguration<BookingLink>
{
    public void Configure(EntityTypeBuilder<BookingLink> link) => link.HasIndex(l => l.CaseId);
}
