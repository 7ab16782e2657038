using Iro.Domain.Reviews;

namespace Iro.Domain.Officers;

/// <summary>
/// A change of an IRO's full-time equivalence from a date. An IRO's FTE on a date is the latest change on or
/// before it, else the FTE they started with (<see cref="Allocations.FteHistory"/>).
/// </summary>
public class OfficerFteChange : IAudited
{
    public int Id { get; set; }
    public int ReviewingOfficerId { get; set; }
    public ReviewingOfficer? ReviewingOfficer { get; set; }
    public DateOnly EffectiveFrom { get; set; }

    /// <summary>0.01 to 1.0.</summary>
    public decimal Fte { get; set; }
}
