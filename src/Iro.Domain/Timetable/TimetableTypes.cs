using Iro.Domain.Calendar;
using Iro.Domain.Children;

namespace Iro.Domain.Timetable;

/// <summary>The review regime a review or period falls under.</summary>
public enum ReviewRegime
{
    /// <summary>CPPCR 2010 reg 33: 20 working days, 3 months, then 6 months.</summary>
    Standard,

    /// <summary>AAR 2005 reg 36(3): 4 weeks from placement for adoption, 3 months, then 6 months.</summary>
    Adoption,

    /// <summary>CPPCR 2010 reg 48 short breaks: 3 months from the first break, then 6 months.</summary>
    ShortBreak,
}

/// <summary>Which review of its chain a review is.</summary>
public enum ReviewStage
{
    First,
    Second,
    Subsequent,

    /// <summary>The first known review of a period whose history is incomplete.</summary>
    Unknown,
}

/// <summary>The status of the next review as at a date.</summary>
public enum DueStatus
{
    /// <summary>The due date has passed (due &lt; as-at date) and no review has been held.</summary>
    Overdue,

    /// <summary>Due within the amber window of working days (including due on the as-at date).</summary>
    DueSoon,

    Scheduled,
}

/// <summary>A review held, set against the timetable.</summary>
/// <param name="Sequence">1-based position among the known reviews of its period.</param>
/// <param name="DueDate">The latest date it could be held on time; null when unknown (history incomplete).</param>
/// <param name="HeldOn">The date it was held.</param>
/// <param name="Regime">The regime it was due under.</param>
/// <param name="Stage">First, second or subsequent within its chain; Unknown when history is incomplete.</param>
public sealed record TimetabledReview(int Sequence, DateOnly? DueDate, DateOnly HeldOn, ReviewRegime Regime, ReviewStage Stage)
{
    /// <summary>Held on or before the due date; null when the due date is unknown.</summary>
    public bool? OnTime => DueDate is { } due ? !Reviews.ReviewRules.IsLate(HeldOn, due) : null;

    /// <summary>Calendar days after the due date; 0 when on time; null when the due date is unknown.</summary>
    public int? DaysLate => DueDate is { } due ? Math.Max(0, HeldOn.DayNumber - due.DayNumber) : null;

    /// <summary>The due date cannot be known because the history of the period is incomplete.</summary>
    public bool HistoryIncomplete => DueDate is null;

    /// <summary>
    /// Included in the timeliness measure: false when the due date is unknown, and for short breaks
    /// (not returned in the SSDA903, validator rule 399).
    /// </summary>
    public bool CountsForTimeliness => DueDate is not null && Regime != ReviewRegime.ShortBreak;
}

/// <summary>The pending due date from a date onward, until the next change.</summary>
/// <param name="From">The date from which this due date applies (a period start, review or placement).</param>
/// <param name="DueDate">The due date of the next review; null when unknown.</param>
public readonly record struct DueFrom(DateOnly From, DateOnly? DueDate);

/// <summary>The timetable of one period of care (or one series of short breaks).</summary>
public sealed class PeriodTimetable
{
    internal PeriodTimetable(
        PeriodOfCare period,
        DateOnly? activeUntil,
        ReviewRegime regime,
        IReadOnlyList<TimetabledReview> reviews,
        IReadOnlyList<DueFrom> dueHistory,
        bool historyIncomplete)
    {
        Period = period;
        ActiveUntil = activeUntil;
        Regime = regime;
        Reviews = reviews;
        DueHistory = dueHistory;
        HistoryIncomplete = historyIncomplete;
    }

    public PeriodOfCare Period { get; }

    public DateOnly Start => Period.Start;

    /// <summary>The end of the period (for short breaks, of the last break); null while open.</summary>
    public DateOnly? End => Period.End;

    /// <summary>
    /// The last date reviews are due in this period: <see cref="End"/> for full care; for a short-break
    /// series, the lapse date after its last break (capped by the next period of full care). Null while open.
    /// </summary>
    public DateOnly? ActiveUntil { get; }

    /// <summary>The regime at the end of the period (Adoption once a placement for adoption has started).</summary>
    public ReviewRegime Regime { get; }

    public IReadOnlyList<TimetabledReview> Reviews { get; }

    /// <summary>How the pending due date changed over time, in date order.</summary>
    public IReadOnlyList<DueFrom> DueHistory { get; }

    /// <summary>The period started before the history held, so its first known review has no due date.</summary>
    public bool HistoryIncomplete { get; }

    /// <summary>The due date of the review after the last one held; null when unknown.</summary>
    public DateOnly? PendingDueDate => DueHistory[^1].DueDate;

    /// <summary>
    /// The next due date; null when unknown, or when the period ended (the child left care) on or before
    /// the date the next review fell due.
    /// </summary>
    public DateOnly? NextDueDate =>
        PendingDueDate is { } due && (ActiveUntil is null || due < ActiveUntil) ? due : null;

    /// <summary>The child is in this period (or short-break series) on the date.</summary>
    public bool Covers(DateOnly date) => PeriodRules.Covers(Start, ActiveUntil, date);

    /// <summary>
    /// The due date of the next review not yet held as at <paramref name="asOf"/> (reviews held on that
    /// date count as held); null when the period does not cover the date or the due date is unknown.
    /// </summary>
    public DateOnly? DueDateOn(DateOnly asOf) => PeriodRules.DueDateOn(Start, ActiveUntil, DueHistory, asOf);
}

/// <summary>A child's whole review timetable.</summary>
public sealed class ChildTimetable
{
    internal ChildTimetable(IReadOnlyList<PeriodTimetable> periods, IReadOnlyList<DataQualityProblem> problems)
    {
        Periods = periods;
        Problems = problems;
    }

    /// <summary>Periods of care and short-break series, in start order.</summary>
    public IReadOnlyList<PeriodTimetable> Periods { get; }

    public IReadOnlyList<DataQualityProblem> Problems { get; }

    /// <summary>False when any data-quality problem was found; the timetable is then a best effort.</summary>
    public bool IsReliable => Problems.Count == 0;

    public IEnumerable<TimetabledReview> AllReviews => Periods.SelectMany(p => p.Reviews);

    /// <summary>The open period of full care or open short-break series (End null), if any.</summary>
    public PeriodTimetable? OpenPeriod => Periods.LastOrDefault(p => p.End is null);

    /// <summary>
    /// The next due date of the open period; null when none is open or the date is unknown. For a
    /// short-break child between breaks use <see cref="DueDateOn"/> with a date.
    /// </summary>
    public DateOnly? NextDueDate => OpenPeriod?.NextDueDate;

    /// <summary>The period covering the date, preferring full care over a short-break series.</summary>
    public PeriodTimetable? PeriodOn(DateOnly asOf) =>
        PeriodRules.PeriodOn(Periods, p => p.Period.IsShortBreakSeries, p => p.Covers(asOf));

    /// <summary>The due date of the next review not held as at the date; null if not looked after then or unknown.</summary>
    public DateOnly? DueDateOn(DateOnly asOf) => PeriodOn(asOf)?.DueDateOn(asOf);

    /// <summary>
    /// Overdue as at the date: the child is looked after on that date, the due date has passed
    /// (due &lt; asOf) and no review was held by then.
    /// </summary>
    public bool IsOverdueOn(DateOnly asOf) => DueDateOn(asOf) is { } due && due < asOf;

    /// <summary>The status as at the date; null when not looked after on that date or the due date is unknown.</summary>
    public DueStatus? StatusOn(DateOnly asOf, IWorkingDayCalendar calendar, int amberWindowWorkingDays) =>
        DueDateOn(asOf) is { } due ? Timeliness.Classify(due, asOf, calendar, amberWindowWorkingDays) : null;

    /// <inheritdoc cref="StatusOn(DateOnly, IWorkingDayCalendar, int)"/>
    public DueStatus? StatusOn(DateOnly asOf, IWorkingDayCalendar calendar, TimetableOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return StatusOn(asOf, calendar, options.AmberWindowWorkingDays);
    }
}
