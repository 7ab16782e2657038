using Iro.Domain.Officers;

namespace Iro.Domain.Children;

/// <summary>One span during which an IRO was the child's named IRO.</summary>
public class IroAllocation
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }
    public int ReviewingOfficerId { get; set; }
    public ReviewingOfficer? ReviewingOfficer { get; set; }
    public DateOnly From { get; set; }

    /// <summary>Null while the allocation is current.</summary>
    public DateOnly? To { get; set; }

    /// <summary>Why the allocation ended or changed hands.</summary>
    public string? ReasonForChange { get; set; }
}
