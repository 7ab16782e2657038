using Iro.Domain.Children;
using Iro.Domain.Reviews;

namespace Iro.Domain.Voice;

/// <summary>The age groups of consultation returns; the import keys are <c>under8</c>, <c>8-11</c> and <c>11-18</c>.</summary>
public enum FeedbackAgeGroup { Under8, From8To11, From11To18 }

/// <summary>An answer to a consultation question; the import words are <c>yes</c>, <c>no</c> and <c>not sure</c>.</summary>
public enum FeedbackAnswer { Yes, No, NotSure }

/// <summary>
/// One child's consultation return, entered after a review or in bulk after a survey. The child may be
/// anonymous.
/// </summary>
public class FeedbackReturn : IAudited, IAttributed, ISoftDeletable
{
    public int Id { get; set; }
    public DateOnly ReceivedOn { get; set; }
    public int? ChildId { get; set; }
    public Child? Child { get; set; }
    public FeedbackAgeGroup? AgeGroup { get; set; }
    public FeedbackAnswer? LifeGettingBetter { get; set; }
    public FeedbackAnswer? KnowsIro { get; set; }
    public FeedbackAnswer? CanContactIro { get; set; }
    public FeedbackAnswer? FeelsListenedTo { get; set; }
    public int? ReviewId { get; set; }
    public int? SurveyCampaignId { get; set; }
    public SurveyCampaign? SurveyCampaign { get; set; }

    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsDeleted { get; set; }
}

/// <summary>A survey of children (Bright Spots style) with its target response rate: responses ÷ children asked.</summary>
public class SurveyCampaign : IAudited, IAttributed, IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public DateOnly OpensOn { get; set; }
    public DateOnly ClosesOn { get; set; }
    public int ChildrenAsked { get; set; }

    /// <summary>Target response rate, a percentage (0-100).</summary>
    public decimal TargetResponseRate { get; set; }

    public List<FeedbackReturn> Returns { get; set; } = [];

    public string CreatedByUserId { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}
