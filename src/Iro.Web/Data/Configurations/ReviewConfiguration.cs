using Iro.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> review)
    {
        review.HasOne(r => r.Child).WithMany(c => c.Reviews).HasForeignKey(r => r.ChildId);
        review.HasOne(r => r.Chair).WithMany().HasForeignKey(r => r.ChairId).OnDelete(DeleteBehavior.SetNull);
        review.HasIndex(r => new { r.ChildId, r.HeldOn });
        review.HasIndex(r => r.HeldOn);
        review.Property(r => r.LateReasonNote).HasMaxLength(Features.Reporting.LateReasonForm.NoteMaxLength);
        review.Property(r => r.Version).IsConcurrencyToken();
        review.HasQueryFilter(r => !r.IsDeleted);
        review.HasIndex(r => new { r.Status, r.HeldOn });
        review.Property(r => r.Venue).HasMaxLength(200);
        review.Property(r => r.OtherInvitees).HasMaxLength(500);
        review.Property(r => r.AdjournmentReason).HasMaxLength(1000);
        review.Property(r => r.Attendees).HasMaxLength(1000);
        review.Property(r => r.CommunicationNeeds).HasMaxLength(1000);
        review.Property(r => r.LetterWorkingWell).HasMaxLength(10000);
        review.Property(r => r.LetterWorries).HasMaxLength(10000);
        review.Property(r => r.LetterChildsWords).HasMaxLength(10000);
    }
}
