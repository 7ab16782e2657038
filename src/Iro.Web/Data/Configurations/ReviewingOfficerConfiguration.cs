using Iro.Domain.Officers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class ReviewingOfficerConfiguration : IEntityTypeConfiguration<ReviewingOfficer>
{
    public void Configure(EntityTypeBuilder<ReviewingOfficer> officer)
    {
        officer.Property(o => o.Name).HasMaxLength(200);
        officer.Property(o => o.Email).HasMaxLength(256);
        officer.HasIndex(o => o.Email).IsUnique();
        officer.Property(o => o.Phone).HasMaxLength(40);
        officer.Property(o => o.Agency).HasMaxLength(200);
        officer.Property(o => o.Fte).HasPrecision(4, 2);
    }
}
