using Iro.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class ScheduledWorkLeaseConfiguration : IEntityTypeConfiguration<ScheduledWorkLease>
{
    public void Configure(EntityTypeBuilder<ScheduledWorkLease> lease)
    {
        lease.ToTable("ScheduledWorkLeases");
        lease.HasKey(l => l.Name);
        lease.Property(l => l.Name).HasMaxLength(100);
        lease.Property(l => l.Holder).HasMaxLength(200);
    }
}
