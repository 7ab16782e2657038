using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data.Configurations;

public sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.ExternalObjectId).HasMaxLength(ApplicationUser.ExternalObjectIdMaxLength);
        // One account per organisation identity; accounts never signed in with one have none.
        builder.HasIndex(u => u.ExternalObjectId).IsUnique();
    }
}
