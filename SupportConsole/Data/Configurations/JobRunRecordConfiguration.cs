using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SupportConsole.Data.Configurations;

internal sealed class JobRunRecordConfiguration : IEntityTypeConfiguration<JobRunRecord>
{
    public void Configure(EntityTypeBuilder<JobRunRecord> run)
    {
        run.HasKey(r => r.Name);
        run.Property(r => r.Name).HasMaxLength(100);
    }
}
