using Iro.Domain.Children;

namespace Iro.Domain.Reviews;

/// <summary>The IRO's check on progress between statutory reviews (local practice, not statutory).</summary>
public class MidwayReview : IAudited, IAttributed, ISoftDeletable, IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }
    public DateOnly HeldOn { get; set; }
    public MidwayMethod Method { get; set; }
    public required string WithWhom { get; set; }
    public required string Summary { get; set; }
    public string? Concerns { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsDeleted { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
