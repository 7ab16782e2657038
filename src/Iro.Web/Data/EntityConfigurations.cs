using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Officers;
using Iro.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> child)
    {
        child.Property(c => c.LocalId).HasMaxLength(10);
        child.HasIndex(c => c.LocalId).IsUnique();
        child.Property(c => c.FirstName).HasMaxLength(100);
        child.Property(c => c.LastName).HasMaxLength(100);
        child.Property(c => c.Upn).HasMaxLength(13);
        child.Property(c => c.SiblingGroup).HasMaxLength(20);
        child.HasIndex(c => c.LastName);
        child.Ignore(c => c.DisplayName);
    }
}

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

internal sealed class ReviewingOfficerConfiguration : IEntityTypeConfiguration<ReviewingOfficer>
{
    public void Configure(EntityTypeBuilder<ReviewingOfficer> officer)
    {
        officer.Property(o => o.Name).HasMaxLength(200);
        officer.Property(o => o.Email).HasMaxLength(256);
        officer.HasIndex(o => o.Email).IsUnique();
        officer.Property(o => o.Phone).HasMaxLength(40);
        officer.Property(o => o.Agency).HasMaxLength(200);
        officer.Property(o => o.Fte).HasPrecision(4, 2);
    }
}

internal sealed class IroAllocationConfiguration : IEntityTypeConfiguration<IroAllocation>
{
    public void Configure(EntityTypeBuilder<IroAllocation> allocation)
    {
        allocation.HasOne(a => a.Child).WithMany(c => c.IroAllocations).HasForeignKey(a => a.ChildId);
        allocation.HasOne(a => a.ReviewingOfficer).WithMany(o => o.Allocations).HasForeignKey(a => a.ReviewingOfficerId);
        allocation.HasIndex(a => new { a.ReviewingOfficerId, a.To });
        allocation.Property(a => a.ReasonForChange).HasMaxLength(200);
    }
}

internal sealed class SocialWorkerAssignmentConfiguration : IEntityTypeConfiguration<SocialWorkerAssignment>
{
    public void Configure(EntityTypeBuilder<SocialWorkerAssignment> assignment)
    {
        assignment.HasOne(a => a.Child).WithMany(c => c.SocialWorkerAssignments).HasForeignKey(a => a.ChildId);
        assignment.Property(a => a.SocialWorkerName).HasMaxLength(200);
        assignment.Property(a => a.Team).HasMaxLength(200);
        assignment.Property(a => a.ReasonForChange).HasMaxLength(10);
        assignment.Property(a => a.WorkerId).HasMaxLength(200);
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> review)
    {
        review.HasOne(r => r.Child).WithMany(c => c.Reviews).HasForeignKey(r => r.ChildId);
        review.HasOne(r => r.Chair).WithMany().HasForeignKey(r => r.ChairId).OnDelete(DeleteBehavior.SetNull);
        review.HasIndex(r => new { r.ChildId, r.HeldOn });
        review.HasIndex(r => r.HeldOn);
        review.Property(r => r.LateReasonNote).HasMaxLength(Features.Reviews.LateReasonForm.NoteMaxLength);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.UserId).HasMaxLength(450);
        entry.Property(e => e.Action).HasMaxLength(40);
        entry.Property(e => e.EntityType).HasMaxLength(100);
        entry.Property(e => e.EntityKey).HasMaxLength(100);
        entry.HasIndex(e => new { e.EntityType, e.EntityKey });
        entry.HasIndex(e => e.UserId);
    }
}

internal sealed class AddedBankHolidayConfiguration : IEntityTypeConfiguration<AddedBankHoliday>
{
    public void Configure(EntityTypeBuilder<AddedBankHoliday> holiday)
    {
        holiday.Property(h => h.Name).HasMaxLength(Features.Admin.BankHolidaysModel.NameMaxLength);
        holiday.Property(h => h.AddedBy).HasMaxLength(450);
        holiday.HasIndex(h => h.Date);
    }
}
