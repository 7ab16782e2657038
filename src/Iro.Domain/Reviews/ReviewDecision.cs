namespace Iro.Domain.Reviews;

/// <summary>A review decision: what must happen, who is responsible and by when.</summary>
public class ReviewDecision : IAudited, IAttributed, ISoftDeletable, IVersioned
{
    public int Id { get; set; }
    public int ReviewId { get; set; }
    public Review? Review { get; set; }
    public required string What { get; set; }
    public required string PersonName { get; set; }
    public required string PersonRole { get; set; }
    public DateOnly DueBy { get; set; }
    public DecisionStatus Status { get; set; }

    /// <summary>When the status last changed (done or no longer needed); null while open.</summary>
    public DateOnly? StatusChangedOn { get; set; }

    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsDeleted { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Done or no longer needed from today; back to open clears the date.</summary>
    public void ChangeStatus(DecisionStatus status, DateOnly today)
    {
        Status = status;
        StatusChangedOn = status == DecisionStatus.Open ? null : today;
    }
}
