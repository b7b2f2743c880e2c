using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportConsole.Data.Configurations;

internal sealed class MacroConfiguration : IEntityTypeConfiguration<Macro>
{
    public void Configure(EntityTypeBuilder<Macro> macro)
    {
        macro.HasIndex(m => m.OwnerUserId);
        macro.Property(m => m.OwnerUserId).HasMaxLength(450);
        macro.Property(m => m.Name).HasMaxLength(MacroLimits.NameLength);
        macro.Property(m => m.Body).HasMaxLength(MacroLimits.BodyLength);
        macro.Property(m => m.UpdatedBy).HasMaxLength(256);
        macro.Ignore(m => m.IsShared);
    }
}
