using Iro.Domain.Allocations;
using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Rules;
using Iro.Domain.Timetable;

namespace Iro.Domain.AnnualReport;

/// <summary>Referral and allocation figures for a reporting year.</summary>
/// <param name="PeriodsStarted">Periods of care (not short-break series) starting in the year.</param>
/// <param name="AllocatedWithinFiveWorkingDays">Of those, periods whose first allocation began no later than the fifth working day after the start.</param>
/// <param name="IroChanges">IRO changes dated in the year (<see cref="AllocationHistory.IsChange"/>).</param>
/// <param name="SameIroThroughout">Children looked after at 31 March whose current period of care has had one IRO.</param>
/// <param name="LookedAfterAtEnd">Children looked after at 31 March: the denominator of <paramref name="SameIroThroughout"/>.</param>
public sealed record AllocationYearFigures(int PeriodsStarted, int AllocatedWithinFiveWorkingDays, int IroChanges, int SameIroThroughout, int LookedAfterAtEnd);

public static class AllocationFigures
{
    public static AllocationYearFigures For(IEnumerable<Child> children, ReportingYear year, IWorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(children);
        return For(children.Select(ReportChild.Of), year, calendar);
    }

    /// <inheritdoc cref="For(IEnumerable{Child}, ReportingYear, IWorkingDayCalendar)"/>
    public static AllocationYearFigures For(IEnumerable<ReportChild> children, ReportingYear year, IWorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(children);
        int started = 0, inTime = 0, changes = 0, same = 0, lookedAfter = 0;
        foreach (var (child, periods) in children)
        {
            var spans = child.IroAllocations.Select(a => new AllocationSpan(a.ReviewingOfficerId, a.From, a.To)).ToList();
            foreach (var period in periods.Where(p => year.Contains(p.Start)))
            {
                started++;
                if (AllocationHistory.AllocatedInTime(period, spans, calendar)) inTime++;
            }

            changes += spans.Count(s => year.Contains(s.From) && AllocationHistory.IsChange(s, spans, periods));
            if (!child.IsLookedAfterOn(year.End)) continue;
            lookedAfter++;
            var current = periods.LastOrDefault(p => p.Start <= year.End);
            var officers = current is null ? [] : spans.Where(s => s.From <= year.End && AllocationHistory.PeriodContaining(s, [current]) is not null)
                .Select(s => s.OfficerId).Distinct().ToList();
            if (officers.Count == 1) same++;
        }

        return new AllocationYearFigures(started, inTime, changes, same, lookedAfter);
    }
}
