using Iro.Domain.Children;
using Iro.Domain.Reviews;

namespace Iro.Domain.Voice;

/// <summary>When the IRO learned of a placement move.</summary>
public enum IroToldOfMove { BeforeMove, AfterMove, NotTold }

/// <summary>
/// What was recorded about one placement move: the move itself comes from the care episodes (a new episode
/// with a change of placement starting on <see cref="MovedOn"/>); this holds whether the child was consulted
/// before it, when the IRO was told, and why the child moved.
/// </summary>
public class PlacementMoveRecord : IAudited, IAttributed, IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }
    public DateOnly MovedOn { get; set; }
    public bool? ConsultedBeforeMove { get; set; }
    public IroToldOfMove? IroTold { get; set; }
    public string? Reason { get; set; }

    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
