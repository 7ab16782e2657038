using Iro.Domain.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> escalation)
    {
        escalation.HasOne(e => e.Child).WithMany().HasForeignKey(e => e.ChildId);
        escalation.HasOne(e => e.RaisedByOfficer).WithMany().HasForeignKey(e => e.RaisedByOfficerId).OnDelete(DeleteBehavior.Restrict);
        escalation.HasMany(e => e.Stages).WithOne(s => s.Escalation).HasForeignKey(s => s.EscalationId);
        escalation.HasMany(e => e.Themes).WithOne().HasForeignKey(t => t.EscalationId);
        escalation.Property(e => e.Version).IsConcurrencyToken();
        escalation.HasIndex(e => e.RaisedOn);
        escalation.HasIndex(e => new { e.ChildId, e.RaisedByOfficerId, e.RaisedOn });
        escalation.HasIndex(e => e.ResolvedOn);
        escalation.Property(e => e.Concern).HasMaxLength(EscalationTextLimits.Concern);
        escalation.Property(e => e.ActionRequested).HasMaxLength(EscalationTextLimits.ActionRequested);
        escalation.Property(e => e.ResolutionNote).HasMaxLength(EscalationTextLimits.ResolutionNote);
        escalation.Property(e => e.CafcassReason).HasMaxLength(EscalationTextLimits.CafcassReason);
        escalation.Property(e => e.CreatedByUserId).HasMaxLength(450);
        escalation.Property(e => e.CreatedByName).HasMaxLength(256);
        escalation.Ignore(e => e.IsOpen);
        escalation.Ignore(e => e.CurrentStage);
    }
}

internal sealed class EscalationStageConfiguration : IEntityTypeConfiguration<EscalationStage>
{
    public void Configure(EntityTypeBuilder<EscalationStage> stage)
    {
        stage.HasIndex(s => new { s.EscalationId, s.Sequence }).IsUnique();
        stage.HasIndex(s => s.ResponseDueOn);
        stage.Property(s => s.Level).HasMaxLength(EscalationTextLimits.Key);
        stage.Property(s => s.RecipientName).HasMaxLength(EscalationTextLimits.Name);
        stage.Property(s => s.RecipientRole).HasMaxLength(EscalationTextLimits.Role);
        stage.Property(s => s.Response).HasMaxLength(EscalationTextLimits.Response);
    }
}

internal sealed class EscalationThemeTagConfiguration : IEntityTypeConfiguration<EscalationThemeTag>
{
    public void Configure(EntityTypeBuilder<EscalationThemeTag> theme)
    {
        theme.HasKey(t => new { t.EscalationId, t.Key });
        theme.HasIndex(t => t.Key);
        theme.Property(t => t.Key).HasMaxLength(EscalationTextLimits.Key);
    }
}
