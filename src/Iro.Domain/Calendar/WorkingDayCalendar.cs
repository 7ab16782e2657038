using System.Collections.Concurrent;

namespace Iro.Domain.Calendar;

/// <summary>
/// The England and Wales working-day calendar: the generated holidays of
/// <see cref="EnglandAndWalesBankHolidays"/> plus holidays that administrators add as data at run time.
/// Thread-safe; each year's holidays are computed once and cached.
/// </summary>
public sealed class WorkingDayCalendar : IWorkingDayCalendar
{
    private readonly ILookup<int, BankHoliday> _additional;
    private readonly HashSet<DateOnly> _cancelled;
    private readonly ConcurrentDictionary<int, YearData> _years = new();

    /// <param name="additionalHolidays">
    /// Newly announced holidays (one-off or moved days) recorded by administrators; a date already in the
    /// generated list is harmless.
    /// </param>
    /// <param name="cancelledHolidays">
    /// Generated dates that are not holidays after all, for a future holiday moved by proclamation
    /// (add the new date to <paramref name="additionalHolidays"/> as well).
    /// </param>
    public WorkingDayCalendar(
        IEnumerable<BankHoliday>? additionalHolidays = null,
        IEnumerable<DateOnly>? cancelledHolidays = null)
    {
        _additional = (additionalHolidays ?? []).ToLookup(h => h.Date.Year);
        _cancelled = [.. cancelledHolidays ?? []];
    }

    /// <summary>The calendar with the built-in rules and override table only.</summary>
    public static WorkingDayCalendar EnglandAndWales { get; } = new();

    /// <summary>The non-working holidays of a year, generated and added, in date order.</summary>
    public IReadOnlyList<BankHoliday> HolidaysIn(int year) => Year(year).Holidays;

    public bool IsHoliday(DateOnly date) => Year(date.Year).IsHoliday[date.DayOfYear];

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Year(day.Year).IsHoliday[day.DayOfYear];

    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        var step = workingDays >= 0 ? 1 : -1;
        var remaining = Math.Abs(workingDays);
        var d = start;
        while (remaining > 0)
        {
            d = d.AddDays(step);
            if (IsWorkingDay(d)) remaining--;
        }

        return d;
    }

    public int WorkingDaysBetween(DateOnly fromDay, DateOnly toDay)
    {
        if (toDay == fromDay) return 0;
        if (toDay < fromDay) return -CountAfterUpTo(toDay, fromDay);
        return CountAfterUpTo(fromDay, toDay);
    }

    // Working days in (from, to], from < to: weekdays minus holidays that fall on weekdays.
    private int CountAfterUpTo(DateOnly from, DateOnly to)
    {
        var weekdays = WeekdaysBefore(to.DayNumber + 1) - WeekdaysBefore(from.DayNumber + 1);
        var holidays = 0;
        for (var year = from.Year; year <= to.Year; year++)
        {
            var days = Year(year).WeekdayHolidayNumbers;
            holidays += LowerBound(days, to.DayNumber + 1) - LowerBound(days, from.DayNumber + 1);
        }

        return weekdays - holidays;
    }

    // Weekdays among day numbers [0, dayNumber); day number 0 (1 January 0001) is a Monday.
    private static long WeekdaysBeforeLong(long dayNumber) => (dayNumber / 7 * 5) + Math.Min(dayNumber % 7, 5);

    private static int WeekdaysBefore(int dayNumber) => (int)WeekdaysBeforeLong(dayNumber);

    private static int LowerBound(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index;
    }

    private YearData Year(int year) => _years.GetOrAdd(year, Build);

    private YearData Build(int year)
    {
        var holidays = EnglandAndWalesBankHolidays.For(year)
            .Where(h => !_cancelled.Contains(h.Date))
            .Concat(_additional[year])
            .GroupBy(h => h.Date)
            .Select(g => g.First())
            .OrderBy(h => h.Date)
            .ToArray();

        var isHoliday = new bool[367];
        foreach (var h in holidays) isHoliday[h.Date.DayOfYear] = true;
        var weekdayNumbers = holidays
            .Where(h => h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(h => h.Date.DayNumber)
            .ToArray();
        return new YearData(holidays, isHoliday, weekdayNumbers);
    }

    private sealed record YearData(IReadOnlyList<BankHoliday> Holidays, bool[] IsHoliday, int[] WeekdayHolidayNumbers);
}
