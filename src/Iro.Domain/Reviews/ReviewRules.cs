using Iro.Domain.Calendar;
using Iro.Domain.Codes;

namespace Iro.Domain.Reviews;

/// <summary>The rules of recording a review (statutory-rules sections 11, 13 and 16). Pure functions.</summary>
public static class ReviewRules
{
    /// <summary>903 rules 440 and 441: PN0 only for a child under 4 on the review date, PN1-PN7 only for 4 or over.</summary>
    public static string? ParticipationProblem(ParticipationCode code, DateOnly dateOfBirth, DateOnly heldOn)
    {
        if (ParticipationCodes.FitsAge(code, dateOfBirth, heldOn)) return null;
        return code == ParticipationCode.PN0
            ? "PN0 is only for a child under 4 on the review date. Choose one of PN1 to PN7"
            : "The child was under 4 on the review date. Choose PN0";
    }

    /// <summary>The IRO may adjourn a review once, to resume within the configured number of working days.</summary>
    public static string? AdjournmentProblem(
        DateOnly? previouslyAdjournedOn, DateOnly adjournedOn, DateOnly resumesOn, IWorkingDayCalendar calendar, int maxWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (previouslyAdjournedOn is not null) return "This review has already been adjourned once. A review can only be adjourned once";
        if (resumesOn <= adjournedOn) return "The date the review resumes must be after the date it was adjourned";
        var latest = calendar.AddWorkingDays(adjournedOn, maxWorkingDays);
        return resumesOn > latest
            ? $"The review must resume within {maxWorkingDays} working days of adjournment, on or before {latest:d MMMM yyyy}"
            : null;
    }

    /// <summary>The last date the reports can reach the IRO and be on time.</summary>
    public static DateOnly PaperworkDeadline(DateOnly heldOn, IWorkingDayCalendar calendar, int workingDaysBefore)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(heldOn, -workingDaysBefore);
    }

    /// <summary>
    /// Paperwork is on time when both the social worker's report and the updated care plan reached the IRO
    /// at least the configured number of working days before the review. Missing paperwork is not on time.
    /// </summary>
    public static bool PaperworkOnTime(
        DateOnly? reportReceivedOn, DateOnly? carePlanReceivedOn, DateOnly heldOn, IWorkingDayCalendar calendar, int workingDaysBefore)
    {
        var deadline = PaperworkDeadline(heldOn, calendar, workingDaysBefore);
        return reportReceivedOn <= deadline && carePlanReceivedOn <= deadline;
    }

    /// <summary>Held after the date it was due.</summary>
    public static bool IsLate(DateOnly heldOn, DateOnly? dueOn) => dueOn is { } due && heldOn > due;

    /// <summary>A decision is overdue while still open after the date it was due by.</summary>
    public static bool IsOverdue(DecisionStatus status, DateOnly dueBy, DateOnly today) =>
        status == DecisionStatus.Open && dueBy < today;

    /// <summary>The deadline for sending out the decisions: working days after the review.</summary>
    public static Deadline DecisionsDeadline(DateOnly heldOn, DateOnly? sentOn, DateOnly today, IWorkingDayCalendar calendar, ReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        return WorkingDayDeadline.Counting(heldOn, options.DecisionsDueWorkingDays, calendar).JudgedOn(today, sentOn);
    }

    /// <summary>The deadline for issuing the full record of review: working days after the review.</summary>
    public static Deadline RecordDeadline(DateOnly heldOn, DateOnly? issuedOn, DateOnly today, IWorkingDayCalendar calendar, ReviewOptions options)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        return WorkingDayDeadline.Counting(heldOn, options.RecordDueWorkingDays, calendar).JudgedOn(today, issuedOn);
    }

    /// <summary>The midway review date: the configured fraction of the way from the last review to the next due date.</summary>
    public static DateOnly MidwayDue(DateOnly lastReview, DateOnly nextDue, double fraction) =>
        lastReview.AddDays((int)Math.Round((nextDue.DayNumber - lastReview.DayNumber) * fraction, MidpointRounding.AwayFromZero));

    /// <summary>Overdue when the midway date has passed and no midway review has been held since the last review.</summary>
    public static bool MidwayOverdue(DateOnly midwayDue, DateOnly lastReview, DateOnly? lastMidwayOn, DateOnly today) =>
        today > midwayDue && !(lastMidwayOn > lastReview);
}
