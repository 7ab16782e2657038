namespace Iro.Domain.Calendar;

/// <summary>How a deadline stands on a day.</summary>
public enum DeadlineState
{
    /// <summary>Not yet done, and not yet in the due-soon window.</summary>
    NotYetDue,

    /// <summary>Not yet done, within the due-soon window before the due date.</summary>
    DueSoon,

    /// <summary>Done on or before the due date.</summary>
    OnTime,

    /// <summary>Done, after the due date.</summary>
    Late,

    /// <summary>Not done, and the due date has passed.</summary>
    Overdue,
}

/// <summary>
/// A deadline counted in working days from a start date: review decisions and records, escalation stages,
/// allocation and return-interview windows. Day 0 is the start date; the due date is the start plus the working
/// days (statutory-rules section 9.5, "within N working days").
/// </summary>
public sealed record WorkingDayDeadline(DateOnly Start, int WorkingDays, DateOnly DueOn, DateOnly? DueSoonFrom)
{
    /// <param name="dueSoonWorkingDays">How many working days before the due date it counts as due soon (0: no due-soon state).</param>
    public static WorkingDayDeadline Counting(DateOnly start, int workingDays, IWorkingDayCalendar calendar, int dueSoonWorkingDays = 0)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(dueSoonWorkingDays);
        var due = calendar.AddWorkingDays(start, workingDays);
        return new(start, workingDays, due, dueSoonWorkingDays == 0 ? null : calendar.AddWorkingDays(due, -dueSoonWorkingDays));
    }

    /// <summary>The state on <paramref name="today"/>, given when (if ever) the thing was done.</summary>
    public DeadlineState StateOn(DateOnly today, DateOnly? doneOn) => doneOn switch
    {
        { } done when done <= DueOn => DeadlineState.OnTime,
        not null => DeadlineState.Late,
        null when today > DueOn => DeadlineState.Overdue,
        null when today >= DueSoonFrom => DeadlineState.DueSoon,
        _ => DeadlineState.NotYetDue,
    };

    /// <summary>The deadline judged on a day, for display.</summary>
    public Deadline JudgedOn(DateOnly today, DateOnly? doneOn) => new(DueOn, doneOn, StateOn(today, doneOn));
}

/// <summary>A deadline judged on a day: when it fell due, when it was done, and how it stands.</summary>
public sealed record Deadline(DateOnly DueOn, DateOnly? DoneOn, DeadlineState State);
