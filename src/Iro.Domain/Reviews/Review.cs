using Iro.Domain.Codes;
using Iro.Domain.Officers;
using Iro.Domain.Timetable;

namespace Iro.Domain.Reviews;

/// <summary>A statutory looked-after review (CPPCR 2010 reg 33).</summary>
public partial class Review
{
    public int Id { get; set; }
    public int ChildId { get; set; }
    public Children.Child? Child { get; set; }

    /// <summary>The date the review was held (903 <c>REVIEW</c>).</summary>
    public DateOnly HeldOn { get; set; }

    /// <summary>How the child took part (903 <c>REVIEW_CODE</c>); null only when not yet recorded.</summary>
    public ParticipationCode? Participation { get; set; }

    /// <summary>The IRO who chaired; null for reviews loaded from a 903 return.</summary>
    public int? ChairId { get; set; }

    public ReviewingOfficer? Chair { get; set; }

    /// <summary>Why the review was held late, recorded by a manager; null when not recorded (or not late).</summary>
    public ReasonForLateness? LateReason { get; set; }

    /// <summary>Free-text detail of the reason for lateness (required for "Other").</summary>
    public string? LateReasonNote { get; set; }
}
