using Iro.Domain.Children;
using Iro.Web.Features.Interchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class Ssda903ChildHeaderConfiguration : IEntityTypeConfiguration<Ssda903ChildHeader>
{
    public void Configure(EntityTypeBuilder<Ssda903ChildHeader> header)
    {
        header.ToTable("Ssda903ChildHeaders");
        header.HasKey(h => h.ChildId);
        header.HasOne<Child>().WithOne().HasForeignKey<Ssda903ChildHeader>(h => h.ChildId);
        header.Property(h => h.Mother).HasMaxLength(1);
    }
}
