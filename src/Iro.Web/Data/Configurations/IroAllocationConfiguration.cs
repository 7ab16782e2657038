using Iro.Domain.Children;
using Iro.Domain.Officers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class IroAllocationConfiguration : IEntityTypeConfiguration<IroAllocation>
{
    public void Configure(EntityTypeBuilder<IroAllocation> allocation)
    {
        allocation.HasOne(a => a.Child).WithMany(c => c.IroAllocations).HasForeignKey(a => a.ChildId);
        allocation.HasOne(a => a.ReviewingOfficer).WithMany(o => o.Allocations).HasForeignKey(a => a.ReviewingOfficerId);
        allocation.HasIndex(a => new { a.ReviewingOfficerId, a.To });
        allocation.Property(a => a.ReasonForChange).HasMaxLength(200);
        allocation.Property(a => a.Version).IsConcurrencyToken();
        allocation.HasIndex(a => new { a.ChildId, a.From });
    }
}
