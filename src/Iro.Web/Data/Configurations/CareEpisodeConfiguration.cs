using Iro.Domain.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class CareEpisodeConfiguration : IEntityTypeConfiguration<CareEpisode>
{
    public void Configure(EntityTypeBuilder<CareEpisode> episode)
    {
        episode.HasOne(e => e.Child).WithMany(c => c.Episodes).HasForeignKey(e => e.ChildId);
        episode.HasIndex(e => new { e.ChildId, e.Start }).IsUnique();
        episode.HasIndex(e => e.End);
        episode.Property(e => e.HomePostcode).HasMaxLength(8);
        episode.Property(e => e.PlacementPostcode).HasMaxLength(8);
        episode.Property(e => e.Urn).HasMaxLength(8);
    }
}
