using Iro.Domain.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

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
