using Iro.Web.Features.Interchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class Ssda903ImportConfiguration : IEntityTypeConfiguration<Ssda903Import>
{
    public void Configure(EntityTypeBuilder<Ssda903Import> import)
    {
        import.ToTable("Ssda903Imports");
        import.Property(i => i.Source).HasMaxLength(1000);
        import.Property(i => i.UserId).HasMaxLength(450);
        import.Property(i => i.UserName).HasMaxLength(256);
        import.HasIndex(i => i.YearStart);
    }
}
