using Iro.Web.Features.Interchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class ImportJobRecordConfiguration : IEntityTypeConfiguration<ImportJobRecord>
{
    public void Configure(EntityTypeBuilder<ImportJobRecord> job)
    {
        job.ToTable("ImportJobs");
        job.Property(j => j.Id).ValueGeneratedNever();
        job.Property(j => j.OwnerId).HasMaxLength(450);
        job.Property(j => j.OwnerName).HasMaxLength(256);
        job.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        job.Property(j => j.Stage).HasConversion<string>().HasMaxLength(20);
        job.Property(j => j.FileNames).HasMaxLength(20_000);
        job.Property(j => j.StagedDirectory).HasMaxLength(1000);
        job.Property(j => j.Failure).HasMaxLength(1000);
        job.Property(j => j.ClaimedBy).HasMaxLength(200);
        job.Ignore(j => j.Year);
        job.Ignore(j => j.Names);
        job.Ignore(j => j.Source);
        job.Ignore(j => j.InProgress);
        job.Ignore(j => j.KeptFindings);
        job.HasIndex(j => j.Status);
        job.HasIndex(j => j.OwnerId);
    }
}
