using Iro.Domain.AnnualReport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

internal sealed class AnnualReportEditionConfiguration : IEntityTypeConfiguration<AnnualReportEdition>
{
    /// <summary>Room for a long narrative section; the figures themselves are not limited.</summary>
    public const int NarrativeLength = 20_000;

    public void Configure(EntityTypeBuilder<AnnualReportEdition> edition)
    {
        edition.Property(e => e.Year).HasMaxLength(7);
        edition.HasIndex(e => e.Year).IsUnique();
        edition.Property(e => e.KeyMessages).HasMaxLength(NarrativeLength);
        edition.Property(e => e.LegalContext).HasMaxLength(NarrativeLength);
        edition.Property(e => e.CaseStudies).HasMaxLength(NarrativeLength);
        edition.Property(e => e.LastYearPriorities).HasMaxLength(NarrativeLength);
        edition.Property(e => e.NextYearPriorities).HasMaxLength(NarrativeLength);
        edition.Property(e => e.PublishedByName).HasMaxLength(256);
        edition.Property(e => e.Version).IsConcurrencyToken();
        edition.Ignore(e => e.IsPublished);
    }
}
