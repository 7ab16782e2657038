using Iro.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

// Booking, recording and oversight between reviews. Deleted entries are hidden by query filters; the
// audit trail keeps them.

internal sealed class ReviewRecordingConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> review)
    {
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

internal sealed class ReviewDecisionConfiguration : IEntityTypeConfiguration<ReviewDecision>
{
    public void Configure(EntityTypeBuilder<ReviewDecision> decision)
    {
        decision.HasOne(d => d.Review).WithMany(r => r.Decisions).HasForeignKey(d => d.ReviewId);
        decision.Property(d => d.Version).IsConcurrencyToken();
        decision.HasQueryFilter(d => !d.IsDeleted);
        decision.HasIndex(d => new { d.Status, d.DueBy });
        decision.Property(d => d.What).HasMaxLength(2000);
        decision.Property(d => d.PersonName).HasMaxLength(200);
        decision.Property(d => d.PersonRole).HasMaxLength(200);
        decision.Property(d => d.CreatedByUserId).HasMaxLength(450);
        decision.Property(d => d.CreatedByName).HasMaxLength(256);
    }
}

internal sealed class ReviewChangeRequestConfiguration : IEntityTypeConfiguration<ReviewChangeRequest>
{
    public void Configure(EntityTypeBuilder<ReviewChangeRequest> request)
    {
        request.HasOne(r => r.Review).WithMany(r => r.ChangeRequests).HasForeignKey(r => r.ReviewId);
        request.HasQueryFilter(r => !r.Review!.IsDeleted);
        request.Property(r => r.Reason).HasMaxLength(1000);
        request.Property(r => r.CreatedByUserId).HasMaxLength(450);
        request.Property(r => r.CreatedByName).HasMaxLength(256);
        request.Property(r => r.DecidedByUserId).HasMaxLength(450);
        request.Property(r => r.DecidedByName).HasMaxLength(256);
    }
}

internal sealed class MidwayReviewConfiguration : IEntityTypeConfiguration<MidwayReview>
{
    public void Configure(EntityTypeBuilder<MidwayReview> midway)
    {
        midway.HasOne(m => m.Child).WithMany().HasForeignKey(m => m.ChildId);
        midway.HasQueryFilter(m => !m.IsDeleted);
        midway.HasIndex(m => new { m.ChildId, m.HeldOn });
        midway.Property(m => m.WithWhom).HasMaxLength(500);
        midway.Property(m => m.Summary).HasMaxLength(10000);
        midway.Property(m => m.Concerns).HasMaxLength(10000);
        midway.Property(m => m.CreatedByUserId).HasMaxLength(450);
        midway.Property(m => m.CreatedByName).HasMaxLength(256);
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> note)
    {
        note.HasOne(n => n.Child).WithMany().HasForeignKey(n => n.ChildId);
        note.HasQueryFilter(n => !n.IsDeleted);
        note.HasIndex(n => new { n.ChildId, n.CreatedAt });
        note.Property(n => n.Text).HasMaxLength(10000);
        note.Property(n => n.CreatedByUserId).HasMaxLength(450);
        note.Property(n => n.CreatedByName).HasMaxLength(256);
    }
}
