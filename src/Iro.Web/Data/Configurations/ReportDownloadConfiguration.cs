using Iro.Web.Features.AnnualReport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class ReportDownloadConfiguration : IEntityTypeConfiguration<ReportDownload>
{
    public void Configure(EntityTypeBuilder<ReportDownload> download)
    {
        download.ToTable("ReportDownloads");
        download.Property(d => d.Id).ValueGeneratedNever();
        download.Property(d => d.UserId).HasMaxLength(450);
        download.Property(d => d.YearName).HasMaxLength(7);
        download.Property(d => d.Format).HasMaxLength(10);
        download.Property(d => d.Stage).HasConversion<string>().HasMaxLength(20);
        download.Property(d => d.FileName).HasMaxLength(200);
        download.Property(d => d.ContentType).HasMaxLength(200);
        download.Ignore(d => d.Year);
        download.HasIndex(d => d.RequestedUtc);
    }
}
