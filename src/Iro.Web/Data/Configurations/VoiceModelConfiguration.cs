using Iro.Domain.Voice;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class AdvocacyReferralConfiguration : IEntityTypeConfiguration<AdvocacyReferral>
{
    public void Configure(EntityTypeBuilder<AdvocacyReferral> referral)
    {
        referral.HasOne(r => r.Child).WithMany().HasForeignKey(r => r.ChildId);
        referral.HasIndex(r => new { r.ChildId, r.ReferredOn });
        referral.HasIndex(r => r.ReferredOn);
        referral.Ignore(r => r.Reasons);
        referral.Property(r => r.ReasonKeys).HasMaxLength(500);
        referral.Property(r => r.Provider).HasMaxLength(200);
        referral.Property(r => r.Outcome).HasMaxLength(2000);
        referral.Property(r => r.Hours).HasPrecision(7, 2);
        VoiceStamps.Configure(referral);
        referral.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class IndependentVisitorConfiguration : IEntityTypeConfiguration<IndependentVisitor>
{
    public void Configure(EntityTypeBuilder<IndependentVisitor> visitor)
    {
        visitor.HasOne(v => v.Child).WithMany().HasForeignKey(v => v.ChildId);
        visitor.HasIndex(v => new { v.ChildId, v.NeededOn });
        visitor.Property(v => v.VisitorName).HasMaxLength(200);
        VoiceStamps.Configure(visitor);
        visitor.Property(v => v.Version).IsConcurrencyToken();
    }
}

internal sealed class PlacementMoveRecordConfiguration : IEntityTypeConfiguration<PlacementMoveRecord>
{
    public void Configure(EntityTypeBuilder<PlacementMoveRecord> move)
    {
        move.HasOne(m => m.Child).WithMany().HasForeignKey(m => m.ChildId);
        move.HasIndex(m => new { m.ChildId, m.MovedOn }).IsUnique();
        move.Property(m => m.Reason).HasMaxLength(2000);
        VoiceStamps.Configure(move);
        move.Property(m => m.Version).IsConcurrencyToken();
    }
}

internal sealed class FeedbackReturnConfiguration : IEntityTypeConfiguration<FeedbackReturn>
{
    public void Configure(EntityTypeBuilder<FeedbackReturn> feedback)
    {
        feedback.HasOne(f => f.Child).WithMany().HasForeignKey(f => f.ChildId);
        feedback.HasOne(f => f.SurveyCampaign).WithMany(c => c.Returns).HasForeignKey(f => f.SurveyCampaignId);
        feedback.HasIndex(f => f.ReceivedOn);
        feedback.HasIndex(f => f.ChildId);
        VoiceStamps.Configure(feedback);
    }
}

internal sealed class SurveyCampaignConfiguration : IEntityTypeConfiguration<SurveyCampaign>
{
    public void Configure(EntityTypeBuilder<SurveyCampaign> campaign)
    {
        campaign.Property(c => c.Name).HasMaxLength(200);
        campaign.Property(c => c.TargetResponseRate).HasPrecision(5, 1);
        VoiceStamps.Configure(campaign);
        campaign.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class FileAuditConfiguration : IEntityTypeConfiguration<FileAudit>
{
    public void Configure(EntityTypeBuilder<FileAudit> audit)
    {
        audit.HasOne(a => a.Child).WithMany().HasForeignKey(a => a.ChildId);
        audit.HasOne(a => a.Review).WithMany().HasForeignKey(a => a.ReviewId);
        audit.HasIndex(a => new { a.ChildId, a.ReviewId }).IsUnique();
        audit.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.FileAuditId).OnDelete(DeleteBehavior.Cascade);
        audit.Property(a => a.Comment).HasMaxLength(2000);
        VoiceStamps.Configure(audit);
        audit.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class FileAuditAnswerConfiguration : IEntityTypeConfiguration<FileAuditAnswer>
{
    public void Configure(EntityTypeBuilder<FileAuditAnswer> answer)
    {
        answer.Property(a => a.QuestionKey).HasMaxLength(64);
        answer.HasIndex(a => new { a.FileAuditId, a.QuestionKey }).IsUnique();
    }
}

internal sealed class ConnectedPersonApprovalConfiguration : IEntityTypeConfiguration<ConnectedPersonApproval>
{
    public void Configure(EntityTypeBuilder<ConnectedPersonApproval> approval)
    {
        approval.HasOne(a => a.Child).WithMany().HasForeignKey(a => a.ChildId);
        approval.HasIndex(a => new { a.ChildId, a.ApprovedOn });
        approval.Property(a => a.CarerName).HasMaxLength(200);
        VoiceStamps.Configure(approval);
        approval.Property(a => a.Version).IsConcurrencyToken();
    }
}

/// <summary>The widths of the who-created-it columns every attributed entry carries.</summary>
internal static class VoiceStamps
{
    public static void Configure<T>(EntityTypeBuilder<T> entry) where T : class, Iro.Domain.Reviews.IAttributed
    {
        entry.Property(e => e.CreatedByUserId).HasMaxLength(450);
        entry.Property(e => e.CreatedByName).HasMaxLength(256);
    }
}
