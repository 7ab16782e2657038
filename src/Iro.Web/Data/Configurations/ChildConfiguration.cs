using Iro.Domain.Children;
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
