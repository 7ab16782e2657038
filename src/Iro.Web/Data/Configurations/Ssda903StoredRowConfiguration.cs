using Iro.Domain.Children;
using Iro.Web.Features.Interchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class Ssda903StoredRowConfiguration : IEntityTypeConfiguration<Ssda903StoredRow>
{
    public void Configure(EntityTypeBuilder<Ssda903StoredRow> row)
    {
        row.ToTable("Ssda903StoredRows");
        row.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId);
        row.HasIndex(r => new { r.YearStart, r.Table, r.ChildId, r.Position }).IsUnique();
        row.HasIndex(r => r.ChildId);
        row.Property(r => r.Values).HasMaxLength(2000);
    }
}
