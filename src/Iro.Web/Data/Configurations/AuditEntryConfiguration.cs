using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.Property(e => e.UserId).HasMaxLength(450);
        entry.Property(e => e.Action).HasMaxLength(40);
        entry.Property(e => e.EntityType).HasMaxLength(100);
        entry.Property(e => e.EntityKey).HasMaxLength(100);
        entry.Property(e => e.Reason).HasMaxLength(Iro.Domain.Reviews.ReviewTextLimits.Reason);
        // With the action, the index alone answers how often a child's record was read ("who has opened this record",
        // on every view of the record), however long the child's read history grows.
        entry.HasIndex(e => new { e.EntityType, e.EntityKey, e.Action });
        entry.HasIndex(e => e.UserId);
    }
}
