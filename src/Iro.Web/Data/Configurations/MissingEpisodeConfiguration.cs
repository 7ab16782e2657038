using Iro.Domain.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class MissingEpisodeConfiguration : IEntityTypeConfiguration<MissingEpisode>
{
    public void Configure(EntityTypeBuilder<MissingEpisode> missing)
    {
        missing.ToTable("MissingEpisodes");
        missing.HasOne(m => m.Child).WithMany().HasForeignKey(m => m.ChildId);
        missing.HasIndex(m => new { m.ChildId, m.Start });
        missing.HasIndex(m => m.Start);
        missing.Property(m => m.InterviewBy).HasMaxLength(200);
    }
}
