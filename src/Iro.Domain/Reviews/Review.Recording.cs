using Iro.Domain.Timetable;

namespace Iro.Domain.Reviews;

// The booking, the IRO's record of the meeting and the letter to the child. Kept apart from the 903 fields
// in Review.cs: a review is booked (Planned), then recorded (Held) or cancelled; only held reviews count.
public partial class Review : IAudited, ISoftDeletable, IVersioned
{
    public ReviewStatus Status { get; set; }
    public bool IsDeleted { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    // Planning. While Planned, HeldOn is the booked date; recording sets it to the date actually held.

    /// <summary>The due date the booking was made against (from the timetable when booked).</summary>
    public DateOnly? DueOn { get; set; }

    public TimeOnly? StartsAt { get; set; }
    public MeetingFormat? Format { get; set; }
    public string? Venue { get; set; }
    public bool InviteChild { get; set; }
    public bool InviteParents { get; set; }
    public bool InviteCarers { get; set; }
    public bool InviteSocialWorker { get; set; }
    public bool InviteAdvocate { get; set; }
    public string? OtherInvitees { get; set; }
    public DateOnly? ChildConsultationSentOn { get; set; }
    public DateOnly? ChildConsultationReturnedOn { get; set; }
    public DateOnly? ParentConsultationSentOn { get; set; }
    public DateOnly? ParentConsultationReturnedOn { get; set; }
    public DateOnly? CarerConsultationSentOn { get; set; }
    public DateOnly? CarerConsultationReturnedOn { get; set; }

    /// <summary>The date the meeting was adjourned; a review may be adjourned once only.</summary>
    public DateOnly? AdjournedOn { get; set; }

    public string? AdjournmentReason { get; set; }

    // Recording.
    public string? Attendees { get; set; }

    /// <summary>The IRO spoke to the child alone before or at the review.</summary>
    public bool? SpokeToChildAlone { get; set; }

    public ChildChairing? ChildChaired { get; set; }
    public DateOnly? SocialWorkerReportReceivedOn { get; set; }
    public DateOnly? CarePlanReceivedOn { get; set; }
    public bool? AdvocacyDiscussed { get; set; }
    public bool? AdvocateNeeded { get; set; }
    public bool? IndependentVisitorNeeded { get; set; }
    public string? CommunicationNeeds { get; set; }

    // Why a late review was late: LateReason and LateReasonNote (Review.cs), shared with the timeliness page.

    // The record of review, written as a letter to the child.
    public string? LetterWorkingWell { get; set; }
    public string? LetterWorries { get; set; }
    public string? LetterChildsWords { get; set; }

    /// <summary>The child's own scaling, 0 (worst) to 10 (best).</summary>
    public int? LetterScaling { get; set; }

    public DateOnly? DecisionsSentOn { get; set; }
    public DateOnly? RecordIssuedOn { get; set; }

    public List<ReviewDecision> Decisions { get; set; } = [];
    public List<ReviewChangeRequest> ChangeRequests { get; set; } = [];
}
