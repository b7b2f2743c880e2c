using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportConsole.Data.Configurations;

internal sealed class ListChangeRequestConfiguration : IEntityTypeConfiguration<ListChangeRequest>
{
    public void Configure(EntityTypeBuilder<ListChangeRequest> request)
    {
        request.HasIndex(r => r.CaseId).IsUnique();
        request.HasOne(r => r.Case).WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
