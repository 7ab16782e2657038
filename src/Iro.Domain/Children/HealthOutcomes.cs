namespace Iro.Domain.Children;

/// <summary>
/// The 903 OC2 outcomes for one child and collection year (children looked after for 12 months at 31 March):
/// SDQ score and reason, conviction, health and dental checks, immunisations, substance misuse.
/// Values are kept as the return codes them ("0"/"1", SDQ 0-40, reason SDQ1-SDQ5) so they round-trip exactly.
/// </summary>
public class HealthOutcomes
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }

    /// <summary>1 April of the collection year the outcomes were returned for.</summary>
    public DateOnly YearStart { get; set; }

    public string? SdqScore { get; set; }
    public string? SdqReason { get; set; }
    public string? Convicted { get; set; }
    public string? HealthCheck { get; set; }
    public string? Immunisations { get; set; }
    public string? TeethCheck { get; set; }
    public string? HealthAssessment { get; set; }
    public string? SubstanceMisuse { get; set; }
    public string? InterventionReceived { get; set; }
    public string? InterventionOffered { get; set; }
}
