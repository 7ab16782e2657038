using Iro.Domain.Allocations;
using Iro.Domain.Children;
using Iro.Domain.Officers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class OfficerFteChangeConfiguration : IEntityTypeConfiguration<OfficerFteChange>
{
    public void Configure(EntityTypeBuilder<OfficerFteChange> change)
    {
        change.HasOne(c => c.ReviewingOfficer).WithMany(o => o.FteChanges).HasForeignKey(c => c.ReviewingOfficerId);
        change.HasIndex(c => new { c.ReviewingOfficerId, c.EffectiveFrom }).IsUnique();
        change.Property(c => c.Fte).HasPrecision(4, 2);
    }
}

internal sealed class ParentChildLinkConfiguration : IEntityTypeConfiguration<ParentChildLink>
{
    public void Configure(EntityTypeBuilder<ParentChildLink> link)
    {
        link.HasOne(l => l.Parent).WithMany().HasForeignKey(l => l.ParentId).OnDelete(DeleteBehavior.Restrict);
        link.HasOne(l => l.ChildOfParent).WithMany().HasForeignKey(l => l.ChildOfParentId).OnDelete(DeleteBehavior.Restrict);
        link.HasIndex(l => new { l.ParentId, l.ChildOfParentId }).IsUnique();
        link.HasIndex(l => l.ChildOfParentId);
    }
}

internal sealed class AgencyReferralConfiguration : IEntityTypeConfiguration<AgencyReferral>
{
    public void Configure(EntityTypeBuilder<AgencyReferral> referral)
    {
        referral.HasOne(r => r.Child).WithMany(c => c.AgencyReferrals).HasForeignKey(r => r.ChildId);
        referral.HasIndex(r => new { r.ChildId, r.PeriodStart });
        referral.HasIndex(r => new { r.Agency, r.ClosedOn });
        referral.Property(r => r.Agency).HasMaxLength(200);
        referral.Property(r => r.Note).HasMaxLength(2000);
        referral.Property(r => r.Version).IsConcurrencyToken();
        referral.Property(r => r.CreatedByUserId).HasMaxLength(450);
        referral.Property(r => r.CreatedByName).HasMaxLength(256);
    }
}
