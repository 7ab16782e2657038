using Iro.Domain.Children;
using Iro.Domain.Reviews;

namespace Iro.Domain.Voice;

/// <summary>
/// A child's need for an independent visitor (CA 1989 Sch 2 para 17), from the day it was identified to the
/// match and its end. Waiting: identified and not yet matched.
/// </summary>
public class IndependentVisitor : IAudited, IAttributed, ISoftDeletable, IVersioned
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Child? Child { get; set; }
    public DateOnly NeededOn { get; set; }

    /// <summary>The review at which the need was identified, when it was.</summary>
    public int? IdentifiedAtReviewId { get; set; }

    public DateOnly? MatchedOn { get; set; }
    public DateOnly? EndedOn { get; set; }
    public string? VisitorName { get; set; }

    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsDeleted { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
