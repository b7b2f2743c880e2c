using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportConsole.Data.Configurations;

internal sealed class SenderConfirmationConfiguration : IEntityTypeConfiguration<SenderConfirmation>
{
    public void Configure(EntityTypeBuilder<SenderConfirmation> confirmation)
    {
        confirmation.HasIndex(c => c.CaseId);
        confirmation.HasIndex(c => c.ListChangeRequestId);
        confirmation.Property(c => c.Address).HasMaxLength(320);
    }
}
