using Iro.Domain.Children;
using Iro.Web.Features.Timetable.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class TimetabledReviewRowConfiguration : IEntityTypeConfiguration<TimetabledReviewRow>
{
    public void Configure(EntityTypeBuilder<TimetabledReviewRow> row)
    {
        row.ToTable("TimetabledReviews");
        row.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Cascade);
        // Covers the timeliness figures and late reviews: held in a range, whether they count, and whether on time.
        row.HasIndex(r => new { r.HeldOn, r.CountsForTimeliness, r.OnTime });
        row.HasIndex(r => r.ChildId);
    }
}

internal sealed class ChildTimetableStateConfiguration : IEntityTypeConfiguration<ChildTimetableState>
{
    public void Configure(EntityTypeBuilder<ChildTimetableState> state)
    {
        state.ToTable("ChildTimetableStates");
        state.HasKey(s => s.ChildId);
        state.Property(s => s.ChildId).ValueGeneratedNever();
        state.HasOne<Child>().WithMany().HasForeignKey(s => s.ChildId).OnDelete(DeleteBehavior.Cascade);
        state.HasIndex(s => new { s.AsOf, s.DueDate });
        state.HasIndex(s => s.Status);
        // The reviews-due counts and rows, and the count of children looked after today.
        state.HasIndex(s => new { s.AsOf, s.OnDueList, s.Status });
        state.HasIndex(s => new { s.AsOf, s.OnDueList, s.DueDate });
        state.HasIndex(s => new { s.AsOf, s.LookedAfter });
    }
}

internal sealed class TimetableRecomputeConfiguration : IEntityTypeConfiguration<TimetableRecompute>
{
    public void Configure(EntityTypeBuilder<TimetableRecompute> queued)
    {
        queued.ToTable("TimetableRecomputes");
        queued.HasKey(q => q.ChildId);
        queued.Property(q => q.ChildId).ValueGeneratedNever();
        queued.HasOne(q => q.Child).WithMany().HasForeignKey(q => q.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TimetableStampConfiguration : IEntityTypeConfiguration<TimetableStamp>
{
    public void Configure(EntityTypeBuilder<TimetableStamp> stamp)
    {
        stamp.ToTable("TimetableStamps");
        stamp.Property(s => s.Id).ValueGeneratedNever();
        stamp.Property(s => s.ContextFingerprint).HasMaxLength(64);
        // The one row exists from the start with no fingerprint, so the first reader computes every child.
        stamp.HasData(new TimetableStamp { Id = TimetableStamp.RowId, ContextFingerprint = "", AsOf = DateOnly.MinValue });
    }
}
