using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class MidwayReviewConfiguration : IEntityTypeConfiguration<MidwayReview>
{
    public void Configure(EntityTypeBuilder<MidwayReview> midway)
    {
        midway.HasOne(m => m.Child).WithMany().HasForeignKey(m => m.ChildId);
        midway.Property(m => m.Version).IsConcurrencyToken();
        midway.HasIndex(m => new { m.ChildId, m.HeldOn });
        midway.Property(m => m.WithWhom).HasMaxLength(500);
        midway.Property(m => m.Summary).HasMaxLength(10000);
        midway.Property(m => m.Concerns).HasMaxLength(10000);
        midway.Property(m => m.CreatedByUserId).HasMaxLength(450);
        midway.Property(m => m.CreatedByName).HasMaxLength(256);
    }
}
