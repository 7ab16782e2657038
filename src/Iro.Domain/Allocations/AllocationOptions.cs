namespace Iro.Domain.Allocations;

/// <summary>
/// Allocation and caseload settings: the caseload band per FTE and the reasons offered for a change of IRO.
/// Binds from the configuration section <see cref="SectionName"/>; an empty list takes the defaults.
/// </summary>
public sealed class AllocationOptions
{
    public const string SectionName = "Allocation";

    public decimal BandMin { get; set; } = 50;
    public decimal BandMax { get; set; } = 70;
    public List<KeyedLabel> ChangeReasons { get; set; } = [];

    public CaseloadBand Band => new(BandMin, BandMax);

    public IReadOnlyList<KeyedLabel> EffectiveChangeReasons => ChangeReasons.Count > 0 ? ChangeReasons : DefaultChangeReasons;

    public static IReadOnlyList<KeyedLabel> DefaultChangeReasons { get; } =
    [
        new() { Key = "IroLeft", Label = "IRO left" },
        new() { Key = "Workload", Label = "Workload" },
        new() { Key = "ConflictOfInterest", Label = "Conflict of interest" },
        new() { Key = "ChildsRequest", Label = "Child's request" },
        new() { Key = "Continuity", Label = "Continuity" },
        new() { Key = "Other", Label = "Other" },
    ];
}
