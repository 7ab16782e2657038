using Iro.Domain.Children;
using Iro.Web.Features.Interchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

// Entities brought by SSDA903 import and export. They are reached through Set<T>() and registered here,
// so the context itself needs no change.

internal sealed class MissingEpisodeConfiguration : IEntityTypeConfiguration<MissingEpisode>
{
    public void Configure(EntityTypeBuilder<MissingEpisode> missing)
    {
        missing.ToTable("MissingEpisodes");
        missing.HasOne(m => m.Child).WithMany().HasForeignKey(m => m.ChildId);
        missing.HasIndex(m => new { m.ChildId, m.Start });
        missing.HasIndex(m => m.Start);
    }
}

internal sealed class HealthOutcomesConfiguration : IEntityTypeConfiguration<HealthOutcomes>
{
    public void Configure(EntityTypeBuilder<HealthOutcomes> outcomes)
    {
        outcomes.HasOne(o => o.Child).WithMany().HasForeignKey(o => o.ChildId);
        outcomes.HasIndex(o => new { o.ChildId, o.YearStart }).IsUnique();
        outcomes.HasIndex(o => o.YearStart);
        foreach (var property in new[]
                 {
                     nameof(HealthOutcomes.SdqScore), nameof(HealthOutcomes.SdqReason), nameof(HealthOutcomes.Convicted),
                     nameof(HealthOutcomes.HealthCheck), nameof(HealthOutcomes.Immunisations), nameof(HealthOutcomes.TeethCheck),
                     nameof(HealthOutcomes.HealthAssessment), nameof(HealthOutcomes.SubstanceMisuse),
                     nameof(HealthOutcomes.InterventionReceived), nameof(HealthOutcomes.InterventionOffered),
                 })
        {
            outcomes.Property<string?>(property).HasMaxLength(10);
        }
    }
}

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
