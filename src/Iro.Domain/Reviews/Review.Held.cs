using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Timetable;

namespace Iro.Domain.Reviews;

/// <summary>What the IRO enters to record a review as held, as the recording form names it.</summary>
public sealed record ReviewRecord(
    DateOnly? HeldOn, int? ChairId, ParticipationCode? Participation, string? Attendees, bool? SpokeToChildAlone, ChildChairing? ChildChaired,
    DateOnly? SocialWorkerReportReceivedOn, DateOnly? CarePlanReceivedOn, bool? AdvocacyDiscussed, bool? AdvocateNeeded,
    bool? IndependentVisitorNeeded, string? CommunicationNeeds, ReasonForLateness? LateReason, string? LateReasonNote);

/// <summary>What a record is checked against: today, the child's age and periods of care, the review before, and the due date.</summary>
/// <param name="DueOn">The due date that applied on the date held (from the timetable as it stood the day before).</param>
public sealed record RecordingContext(DateOnly Today, DateOnly DateOfBirth, IReadOnlyList<PeriodOfCare> Periods, DateOnly? PreviousHeldOn, DateOnly? DueOn)
{
    public static RecordingContext For(Child child, Review review, DateOnly today, DateOnly? dueOn)
    {
        ArgumentNullException.ThrowIfNull(child);
        return new RecordingContext(today, child.DateOfBirth, PeriodsOfCare.From(child.Episodes), ReviewDates.PreviousHeldOn(child.Reviews, review), dueOn);
    }
}

/// <summary>What the IRO enters to adjourn a meeting, as the adjournment form names it.</summary>
public sealed record ReviewAdjournment(DateOnly? AdjournedOn, DateOnly? ResumesOn, string? Reason);

// Holding the meeting (statutory-rules sections 11 and 16): adjourned at most once, then recorded as held.
public partial class Review
{
    /// <summary>
    /// The rules of recording: a held date in the past, within a period of care and after the previous review;
    /// the chair, participation (fitting the child's age) and whether the IRO spoke to the child alone; reports
    /// received by the review; and a reason when the review was late.
    /// </summary>
    public IReadOnlyList<ReviewProblem> RecordingProblems(ReviewRecord record, RecordingContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        var problems = new ReviewProblems();
        if (Status == ReviewStatus.Cancelled) problems.Add("", "A cancelled review cannot be recorded");
        problems.Require(nameof(record.HeldOn), record.HeldOn, "Enter the date the review was held");
        if (record.HeldOn is { } held)
            problems.Add(nameof(record.HeldOn), ReviewDates.HeldProblem(held, context.Today, context.Periods, context.PreviousHeldOn));
        problems.Require(nameof(record.ChairId), record.ChairId, "Select who chaired the review");
        problems.Require(nameof(record.Participation), record.Participation, "Select how the child took part");
        if (record is { Participation: { } code, HeldOn: { } on })
            problems.Add(nameof(record.Participation), ReviewRules.ParticipationProblem(code, context.DateOfBirth, on));
        problems.Require(nameof(record.SpokeToChildAlone), record.SpokeToChildAlone, "Select whether you spoke to the child alone");
        problems.Limit(nameof(record.Attendees), record.Attendees, ReviewTextLimits.Attendees, "Who attended");
        problems.Limit(nameof(record.CommunicationNeeds), record.CommunicationNeeds, ReviewTextLimits.CommunicationNeeds, "Interpreter or communication needs");
        problems.Limit(nameof(record.LateReasonNote), record.LateReasonNote, ReviewTextLimits.LateReasonNote, "More about the lateness");
        if (record.SocialWorkerReportReceivedOn > record.HeldOn)
            problems.Add(nameof(record.SocialWorkerReportReceivedOn), "The report must have been received on or before the review");
        if (record.CarePlanReceivedOn > record.HeldOn)
            problems.Add(nameof(record.CarePlanReceivedOn), "The care plan must have been received on or before the review");
        if (record.HeldOn is { } heldOn && ReviewRules.IsLate(heldOn, context.DueOn) && record.LateReason is null)
            problems.Add(nameof(record.LateReason), $"The review was due by {context.DueOn:d MMMM yyyy}. Select the reason it was late");
        return problems;
    }

    /// <summary>Records the review as held, against the due date that applied; a reason for lateness is kept only when it was late.</summary>
    public void Record(ReviewRecord record, RecordingContext context)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        ReviewProblems.EnsureNone(RecordingProblems(record, context), "recorded");
        Status = ReviewStatus.Held;
        DueOn = context.DueOn;
        (HeldOn, ChairId, Participation, Attendees, SpokeToChildAlone, ChildChaired) =
            (record.HeldOn!.Value, record.ChairId, record.Participation, record.Attendees?.Trim(), record.SpokeToChildAlone, record.ChildChaired);
        (SocialWorkerReportReceivedOn, CarePlanReceivedOn, AdvocacyDiscussed, AdvocateNeeded) =
            (record.SocialWorkerReportReceivedOn, record.CarePlanReceivedOn, record.AdvocacyDiscussed, record.AdvocateNeeded);
        (IndependentVisitorNeeded, CommunicationNeeds) = (record.IndependentVisitorNeeded, record.CommunicationNeeds?.Trim());
        (LateReason, LateReasonNote) = ReviewRules.IsLate(HeldOn, DueOn) ? (record.LateReason, record.LateReasonNote?.Trim()) : (null, null);
    }

    /// <summary>A review not yet held may be adjourned once, with a reason, to resume within the working days allowed.</summary>
    public IReadOnlyList<ReviewProblem> AdjournmentProblems(ReviewAdjournment adjournment, IWorkingDayCalendar calendar, int maxWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(adjournment);
        ArgumentNullException.ThrowIfNull(calendar);
        var problems = new ReviewProblems();
        problems.Require(nameof(adjournment.AdjournedOn), adjournment.AdjournedOn, "Enter the date the review was adjourned");
        problems.Require(nameof(adjournment.ResumesOn), adjournment.ResumesOn, "Enter the date the review will resume");
        problems.RequireText(nameof(adjournment.Reason), adjournment.Reason, "Enter why the review was adjourned");
        problems.Limit(nameof(adjournment.Reason), adjournment.Reason, ReviewTextLimits.Reason, "Reason");
        if (Status != ReviewStatus.Planned) problems.Add("", "Only a review that has not been completed can be adjourned");
        if (adjournment is { AdjournedOn: { } from, ResumesOn: { } to })
            problems.Add(AdjournedOn is null ? nameof(adjournment.ResumesOn) : "", ReviewRules.AdjournmentProblem(AdjournedOn, from, to, calendar, maxWorkingDays));
        return problems;
    }

    /// <summary>Adjourns the meeting: the booked date becomes the date it resumes.</summary>
    public void Adjourn(ReviewAdjournment adjournment, IWorkingDayCalendar calendar, int maxWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(adjournment);
        ReviewProblems.EnsureNone(AdjournmentProblems(adjournment, calendar, maxWorkingDays), "adjourned");
        (AdjournedOn, HeldOn, AdjournmentReason) = (adjournment.AdjournedOn, adjournment.ResumesOn!.Value, adjournment.Reason!.Trim());
    }
}
