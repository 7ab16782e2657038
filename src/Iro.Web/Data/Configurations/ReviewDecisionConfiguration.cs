using Iro.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> decision)
    {
        decision.HasOne(d => d.Review).WithMany(r => r.Decisions).HasForeignKey(d => d.ReviewId);
        decision.Property(d => d.Version).IsConcurrencyToken();
        decision.HasIndex(d => new { d.Status, d.DueBy });
        decision.Property(d => d.What).HasMaxLength(ReviewTextLimits.Decision);
        decision.Property(d => d.PersonName).HasMaxLength(ReviewTextLimits.Name);
        decision.Property(d => d.PersonRole).HasMaxLength(ReviewTextLimits.Name);
        decision.Property(d => d.CreatedByUserId).HasMaxLength(450);
        decision.Property(d => d.CreatedByName).HasMaxLength(256);
    }
}
