namespace Iro.Domain.Reviews;

/// <summary>A request to postpone or cancel a booked review; it takes effect only when a manager approves it.</summary>
public class ReviewChangeRequest : IAudited, IAttributed, IVersioned
{
    public int Id { get; set; }
    public int ReviewId { get; set; }
    public Review? Review { get; set; }
    public ReviewChangeKind Kind { get; set; }

    /// <summary>For a postponement, the new date.</summary>
    public DateOnly? NewDate { get; set; }

    public required string Reason { get; set; }
    public ApprovalState State { get; set; }
    public string? DecidedByUserId { get; set; }
    public string? DecidedByName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
