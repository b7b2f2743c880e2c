using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportConsole.Data.Configurations;

internal sealed class SavedViewConfiguration : IEntityTypeConfiguration<SavedView>
{
    public void Configure(EntityTypeBuilder<SavedView> view)
    {
        view.HasIndex(v => new { v.OwnerUserId, v.Name }).IsUnique();
        view.Property(v => v.OwnerUserId).HasMaxLength(450);
        view.Property(v => v.Name).HasMaxLength(SavedViewLimits.NameLength);
        view.Property(v => v.Query).HasMaxLength(SavedViewLimits.QueryLength);
    }
}
