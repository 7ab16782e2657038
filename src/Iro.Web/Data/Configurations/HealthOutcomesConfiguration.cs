using Iro.Domain.Children;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Iro.Web.Data;

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
