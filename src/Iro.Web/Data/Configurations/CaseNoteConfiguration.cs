using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> note)
    {
        note.HasOne(n => n.Child).WithMany().HasForeignKey(n => n.ChildId);
        note.Property(n => n.Version).IsConcurrencyToken();
        note.HasIndex(n => new { n.ChildId, n.CreatedAt });
        note.Property(n => n.Text).HasMaxLength(ReviewTextLimits.CaseNote);
        note.Property(n => n.CreatedByUserId).HasMaxLength(450);
        note.Property(n => n.CreatedByName).HasMaxLength(256);
    }
}
