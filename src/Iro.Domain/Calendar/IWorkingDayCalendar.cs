namespace Iro.Domain.Calendar;

/// <summary>
/// Working days: every day except Saturday, Sunday, Christmas Day, Good Friday and England and Wales
/// bank holidays (statutory-rules section 8; definition [U] for CPPCR). Christmas Eve is a working day [U].
/// </summary>
public interface IWorkingDayCalendar
{
    bool IsWorkingDay(DateOnly day);

    /// <summary>
    /// The <paramref name="workingDays"/>th working day after <paramref name="start"/>. The start is day 0
    /// whether or not it is itself a working day, so the result is the Nth working day strictly after it.
    /// Zero returns <paramref name="start"/> unchanged; a negative count returns the Nth working day
    /// strictly before <paramref name="start"/>.
    /// </summary>
    DateOnly AddWorkingDays(DateOnly start, int workingDays);

    /// <summary>
    /// The number of working days after <paramref name="fromDay"/> up to and including <paramref name="toDay"/>,
    /// that is in (fromDay, toDay]. Zero when the dates are equal. When <paramref name="toDay"/> is before
    /// <paramref name="fromDay"/> the result is minus the count in (toDay, fromDay], so
    /// <c>WorkingDaysBetween(a, b) == -WorkingDaysBetween(b, a)</c>.
    /// </summary>
    int WorkingDaysBetween(DateOnly fromDay, DateOnly toDay);
}
