using Iro.Domain.Officers;
using Iro.Domain.Reviews;

namespace Iro.Domain.Children;

/// <summary>
/// One span during which an IRO was the child's named IRO: it covers <c>From &lt;= date &lt; To</c>
/// (<see cref="Rules.AllocationRules"/>), <c>To</c> empty while open.
/// </summary>
public class IroAllocation : IAudited, IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }
    public int ReviewingOfficerId { get; set; }
    public ReviewingOfficer? ReviewingOfficer { get; set; }
    public DateOnly From { get; set; }

    /// <summary>Null while the allocation is current.</summary>
    public DateOnly? To { get; set; }

    /// <summary>
    /// Why this allocation replaced the one before it in the same period of care: the label of a configured
    /// change reason ("IRO left", "Workload", ...), or free text from an import. Null for a first allocation.
    /// </summary>
    public string? ReasonForChange { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}
