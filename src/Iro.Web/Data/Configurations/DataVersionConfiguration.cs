using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> version)
    {
        version.Property(v => v.Id).ValueGeneratedNever();
        // The one row exists from the start, so moving the version is always an update.
        version.HasData(new DataVersion { Id = DataVersion.RowId, Stamp = new Guid("5d0c4f3e-8a59-4c1e-9d7b-2f6a1e0b7c41") });
    }
}
