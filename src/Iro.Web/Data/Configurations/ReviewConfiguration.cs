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
        // One child's held reviews (Status in the key): SQLite, without statistics, otherwise reads them through the
        // Status index below, every held review in the service, for one child's timetable.
        review.HasIndex(r => new { r.ChildId, r.Status, r.HeldOn });
        review.HasIndex(r => r.HeldOn);
        review.Property(r => r.Version).IsConcurrencyToken();
        // Covers the annual report's count of held reviews by participation and paperwork, in the order it groups
        // them, so the count reads the index alone and sorts nothing (at national scale the table walked row by row
        // through a date index is most of the report's time); still the index of held reviews by date.
        review.HasIndex(r => new { r.Status, r.HeldOn, r.Participation, r.SocialWorkerReportReceivedOn, r.CarePlanReceivedOn, r.IsDeleted })
            .HasDatabaseName("IX_Reviews_Status_HeldOn");
        review.Property(r => r.Venue).HasMaxLength(ReviewTextLimits.Venue);
        review.Property(r => r.OtherInvitees).HasMaxLength(ReviewTextLimits.OtherInvitees);
        review.Property(r => r.LetterWorkingWell).HasMaxLength(ReviewTextLimits.LetterSection);
        review.Property(r => r.LetterWorries).HasMaxLength(ReviewTextLimits.LetterSection);
        review.Property(r => r.LetterChildsWords).HasMaxLength(ReviewTextLimits.LetterSection);
        review.Property(r => r.AdjournmentReason).HasMaxLength(ReviewTextLimits.Reason);
        review.Property(r => r.Attendees).HasMaxLength(ReviewTextLimits.Attendees);
        review.Property(r => r.CommunicationNeeds).HasMaxLength(ReviewTextLimits.CommunicationNeeds);
        review.Property(r => r.LateReasonNote).HasMaxLength(ReviewTextLimits.LateReasonNote);
    }
}
