using Iro.Domain.Timetable;

namespace Iro.Web.Features.Timetable.Store;

/// <summary>
/// One child's materialised timetable summary and its state as at the service day (<see cref="AsOf"/>). The
/// state columns are recomputed from <see cref="Spans"/> alone when the day moves on.
/// </summary>
public sealed class ChildTimetableState
{
    public int ChildId { get; set; }

    /// <summary>No data-quality problem was found (<see cref="ChildTimetable.IsReliable"/>).</summary>
    public bool Reliable { get; set; }

    /// <summary>The data-quality codes joined by ','; empty when reliable.</summary>
    public string ProblemCodes { get; set; } = "";

    /// <summary><see cref="ChildTimetable.NextDueDate"/>.</summary>
    public DateOnly? NextDueDate { get; set; }

    /// <summary>Every period's due history in the form of <see cref="TimetableSpans"/>.</summary>
    public string Spans { get; set; } = "";

    public DateOnly AsOf { get; set; }

    /// <summary>A period of care (or short-break series) covers <see cref="AsOf"/>.</summary>
    public bool InPeriod { get; set; }

    public DateOnly? PeriodStart { get; set; }
    public bool PeriodIsShortBreak { get; set; }
    public ReviewRegime? Regime { get; set; }

    /// <summary><see cref="ChildTimetable.DueDateOn"/> <see cref="AsOf"/>.</summary>
    public DateOnly? DueDate { get; set; }

    /// <summary><see cref="ChildTimetable.StatusOn(DateOnly, Iro.Domain.Calendar.IWorkingDayCalendar, TimetableOptions)"/> <see cref="AsOf"/>.</summary>
    public DueStatus? Status { get; set; }

    /// <summary>The last review held in the period covering <see cref="AsOf"/>, on or before it.</summary>
    public DateOnly? LastReviewInPeriod { get; set; }

    /// <summary>Looked after on <see cref="AsOf"/> (<see cref="Iro.Domain.Rules.CareRules.LookedAfterOn(DateOnly)"/>); set by <see cref="TimetableStateCaseload"/>.</summary>
    public bool LookedAfter { get; set; }

    /// <summary>Listed among the reviews due on <see cref="AsOf"/> (<see cref="TimetableStateCaseload"/> holds the rule).</summary>
    public bool OnDueList { get; set; }

    public static ChildTimetableState From(int childId, TimetableSummary summary, TimetableAsAt state)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var row = new ChildTimetableState
        {
            ChildId = childId, Reliable = summary.Reliable, ProblemCodes = summary.ProblemCodes, NextDueDate = summary.NextDueDate, Spans = summary.Spans,
        };
        row.SetState(state);
        return row;
    }

    public void SetState(TimetableAsAt state)
    {
        ArgumentNullException.ThrowIfNull(state);
        (AsOf, InPeriod, PeriodStart, PeriodIsShortBreak) = (state.AsOf, state.InPeriod, state.PeriodStart, state.PeriodIsShortBreak);
        (Regime, DueDate, Status, LastReviewInPeriod) = (state.Regime, state.DueDate, state.Status, state.LastReviewInPeriod);
    }
}
