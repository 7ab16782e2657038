using Iro.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class ReviewChangeRequestConfiguration : IEntityTypeConfiguration<ReviewChangeRequest>
{
    public void Configure(EntityTypeBuilder<ReviewChangeRequest> request)
    {
        request.HasOne(r => r.Review).WithMany(r => r.ChangeRequests).HasForeignKey(r => r.ReviewId);
        request.Property(r => r.Version).IsConcurrencyToken();
        request.Property(r => r.Reason).HasMaxLength(ReviewTextLimits.Reason);
        request.Property(r => r.CreatedByUserId).HasMaxLength(450);
        request.Property(r => r.CreatedByName).HasMaxLength(256);
        request.Property(r => r.DecidedByUserId).HasMaxLength(450);
        request.Property(r => r.DecidedByName).HasMaxLength(256);
    }
}
