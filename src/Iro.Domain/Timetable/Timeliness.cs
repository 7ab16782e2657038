using Iro.Domain.Calendar;

namespace Iro.Domain.Timetable;

/// <summary>Reviews held and held on time in a month or year, with the percentage on time.</summary>
public sealed record TimelinessFigures(int Held, int OnTime)
{
    /// <summary>OnTime / Held * 100, one decimal place, half up; 0.0 when none held.</summary>
    public decimal Percent => Timeliness.Percent(OnTime, Held);
}

/// <summary>Timeliness figures for one month of a reporting year.</summary>
public sealed record MonthlyTimeliness(ReportingMonth Month, TimelinessFigures Figures);

/// <summary>Review timeliness measures (ssda903.md section 12 step 5).</summary>
public static class Timeliness
{
    /// <summary>Percentage to one decimal place, rounded half up (away from zero); 0.0 when the denominator is 0.</summary>
    public static decimal Percent(int numerator, int denominator) =>
        denominator == 0 ? 0.0m : Math.Round(numerator * 100m / denominator, 1, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Reviews held between the dates (inclusive) and how many were on time. Only reviews that count for
    /// timeliness are included (known due date, not short breaks).
    /// </summary>
    public static TimelinessFigures Between(IEnumerable<TimetabledReview> reviews, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        int held = 0, onTime = 0;
        foreach (var r in reviews)
        {
            if (!r.CountsForTimeliness || r.HeldOn < from || r.HeldOn > to) continue;
            held++;
            if (r.OnTime == true) onTime++;
        }

        return new TimelinessFigures(held, onTime);
    }

    /// <summary>Figures for each month of the year, April to March.</summary>
    public static IReadOnlyList<MonthlyTimeliness> Monthly(IEnumerable<TimetabledReview> reviews, ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(reviews);
        var held = new int[12];
        var onTime = new int[12];
        foreach (var r in reviews)
        {
            if (!r.CountsForTimeliness || !year.Contains(r.HeldOn)) continue;
            var i = ((r.HeldOn.Year - year.StartYear) * 12) + r.HeldOn.Month - 4;
            held[i]++;
            if (r.OnTime == true) onTime[i]++;
        }

        var months = year.Months;
        var result = new MonthlyTimeliness[12];
        for (var i = 0; i < 12; i++) result[i] = new MonthlyTimeliness(months[i], new TimelinessFigures(held[i], onTime[i]));
        return result;
    }

    /// <summary>Figures for the whole reporting year.</summary>
    public static TimelinessFigures ForYear(IEnumerable<TimetabledReview> reviews, ReportingYear year) =>
        Between(reviews, year.Start, year.End);

    /// <summary>
    /// Classifies a due date as at a date: Overdue when due &lt; asOf; DueSoon when the due date is no more
    /// than <paramref name="amberWindowWorkingDays"/> working days after asOf (including due on asOf);
    /// otherwise Scheduled.
    /// </summary>
    public static DueStatus Classify(DateOnly dueDate, DateOnly asOf, IWorkingDayCalendar calendar, int amberWindowWorkingDays)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (dueDate < asOf) return DueStatus.Overdue;
        return calendar.WorkingDaysBetween(asOf, dueDate) <= amberWindowWorkingDays ? DueStatus.DueSoon : DueStatus.Scheduled;
    }

    /// <summary>
    /// Overdue as at the date: the child is looked after on that date (a period covers it), the due date of
    /// the next review has passed (due &lt; asOf), and that review had not been held by then.
    /// </summary>
    public static bool IsOverdueOn(ChildTimetable timetable, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(timetable);
        return timetable.IsOverdueOn(asOf);
    }

    /// <summary>The timetables, of those given, that are overdue as at the date.</summary>
    public static IEnumerable<ChildTimetable> OverdueOn(IEnumerable<ChildTimetable> timetables, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(timetables);
        return timetables.Where(t => t.IsOverdueOn(asOf));
    }
}
