namespace Iro.Domain.Timetable;

/// <summary>
/// The as-at rules a computed period (<see cref="PeriodTimetable"/>) and its stored form (<see cref="TimetableSpan"/>)
/// share, so the stored timetable answers exactly as the engine does.
/// </summary>
internal static class PeriodRules
{
    /// <summary>The period (or short-break series) runs on the date: from its start to its active-until date.</summary>
    public static bool Covers(DateOnly start, DateOnly? activeUntil, DateOnly date) =>
        date >= start && (activeUntil is null || date <= activeUntil);

    /// <summary>
    /// The due date of the next review not yet held as at <paramref name="asOf"/> (reviews held on that date count as
    /// held); null when the period does not cover the date or the due date is unknown.
    /// </summary>
    public static DateOnly? DueDateOn(DateOnly start, DateOnly? activeUntil, IReadOnlyList<DueFrom> dueHistory, DateOnly asOf)
    {
        if (!Covers(start, activeUntil, asOf)) return null;
        DateOnly? due = null;
        foreach (var d in dueHistory)
        {
            if (d.From > asOf) break;
            due = d.DueDate;
        }

        return due;
    }

    /// <summary>The period covering the date, preferring full care over a short-break series.</summary>
    public static T? PeriodOn<T>(IReadOnlyList<T> periods, Func<T, bool> isShortBreak, Func<T, bool> covers)
        where T : class =>
        periods.LastOrDefault(p => !isShortBreak(p) && covers(p)) ?? periods.LastOrDefault(covers);
}
