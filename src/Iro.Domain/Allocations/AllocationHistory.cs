using Iro.Domain.Calendar;
using Iro.Domain.Children;

namespace Iro.Domain.Allocations;

/// <summary>One span of a child's allocation history: the IRO, from (included) and to (excluded; null while open).</summary>
public sealed record AllocationSpan(int OfficerId, DateOnly From, DateOnly? To)
{
    public bool Covers(DateOnly date) => From <= date && (To is null || date < To);
}

/// <summary>A broken rule of an allocation history: the span (by its index in the list given), the field and the message.</summary>
public sealed record AllocationProblem(int Index, string Field, string Message);

/// <summary>
/// The rules of a child's allocation history (statutory-rules section 12): an allocation covers
/// <c>from &lt;= date &lt; to</c>; at most one is open; none overlap; each lies inside one period of care, so closing
/// a period closes its allocation on the period's end date (the day the child stopped being looked after). An IRO
/// change is an allocation that follows another, with a different IRO, within the same period of care: the first
/// allocation of a new period is never a change, even when the IRO differs.
/// </summary>
public static class AllocationHistory
{
    /// <summary>The good-practice allocation deadline: the fifth working day after the period of care began.</summary>
    public const int AllocationWorkingDays = 5;

    public static WorkingDayDeadline Deadline(DateOnly periodStart, IWorkingDayCalendar calendar) =>
        WorkingDayDeadline.Counting(periodStart, AllocationWorkingDays, calendar);

    /// <summary>Every broken rule, in the order of the spans given.</summary>
    public static IReadOnlyList<AllocationProblem> Problems(IReadOnlyList<AllocationSpan> spans, IReadOnlyList<PeriodOfCare> periods)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(periods);
        var problems = new List<AllocationProblem>();
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            if (span.To is { } to && to <= span.From)
            {
                problems.Add(new(i, "to", "The end of an allocation must be after its start"));
                continue;
            }

            if (PeriodContaining(span, periods) is null)
                problems.Add(new(i, "from", "An allocation must lie inside one of the child's periods of care"));
            for (var j = 0; j < i; j++)
                if (Overlap(spans[j], span)) problems.Add(new(i, "from", "Allocations of one child must not overlap"));
        }

        if (spans.Count(s => s.To is null) > 1)
            problems.Add(new(spans.Count - 1, "to", "A child can have only one open allocation"));
        return problems;
    }

    /// <summary>The period of care the span lies inside, or null.</summary>
    public static PeriodOfCare? PeriodContaining(AllocationSpan span, IReadOnlyList<PeriodOfCare> periods)
    {
        ArgumentNullException.ThrowIfNull(span);
        ArgumentNullException.ThrowIfNull(periods);
        return periods.FirstOrDefault(p => !p.IsShortBreakSeries && p.Start <= span.From
            && (p.End is not { } end || (span.From < end && span.To is { } to && to <= end)));
    }

    /// <summary>Whether the span is an IRO change: an earlier span of the same period of care had another IRO.</summary>
    public static bool IsChange(AllocationSpan span, IReadOnlyList<AllocationSpan> spans, IReadOnlyList<PeriodOfCare> periods)
    {
        ArgumentNullException.ThrowIfNull(span);
        ArgumentNullException.ThrowIfNull(spans);
        var period = PeriodContaining(span, periods);
        if (period is null) return false;
        var previous = spans.Where(s => s.From < span.From && PeriodContaining(s, periods) == period).MaxBy(s => s.From);
        return previous is not null && previous.OfficerId != span.OfficerId;
    }

    /// <summary>Whether the period's first allocation began no later than the fifth working day after it started.</summary>
    public static bool AllocatedInTime(PeriodOfCare period, IReadOnlyList<AllocationSpan> spans, IWorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(spans);
        var first = spans.Where(s => PeriodContaining(s, [period]) is not null).MinBy(s => s.From);
        return first is not null && first.From <= Deadline(period.Start, calendar).DueOn;
    }

    /// <summary>Whether two spans share a day (each covers <c>from &lt;= date &lt; to</c>).</summary>
    public static bool Overlap(AllocationSpan a, AllocationSpan b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.From < (b.To ?? DateOnly.MaxValue) && b.From < (a.To ?? DateOnly.MaxValue);
    }

    /// <summary>
    /// The period of care waiting for an IRO on <paramref name="today"/>: the (full-care) period the child is looked
    /// after in today, when no allocation covers today. Null when the child is not looked after or is allocated.
    /// </summary>
    public static PeriodOfCare? AwaitingAllocation(IReadOnlyList<PeriodOfCare> periods, IReadOnlyList<AllocationSpan> spans, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(spans);
        var current = periods.FirstOrDefault(p => !p.IsShortBreakSeries && p.Start <= today && (p.End is not { } end || today < end));
        return current is null || spans.Any(s => s.Covers(today)) ? null : current;
    }

    /// <summary>
    /// The history after a reallocation: the open allocation closes on <paramref name="effectiveOn"/> and the new
    /// IRO's allocation opens on it. Check the result with <see cref="Problems"/> (an effective date on or before
    /// the open allocation's start leaves it empty, which is a problem).
    /// </summary>
    public static IReadOnlyList<AllocationSpan> Reallocated(IReadOnlyList<AllocationSpan> spans, int officerId, DateOnly effectiveOn)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var closed = spans.Select(s => s.To is null ? s with { To = effectiveOn } : s).ToList();
        closed.Add(new AllocationSpan(officerId, effectiveOn, null));
        return closed;
    }

    /// <summary>
    /// Whether the child kept one IRO throughout the period of care: it has an allocation and none of its
    /// allocations is a change of IRO.
    /// </summary>
    public static bool KeptOneIro(PeriodOfCare period, IReadOnlyList<AllocationSpan> spans, IReadOnlyList<PeriodOfCare> periods)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(spans);
        var inPeriod = spans.Where(s => PeriodContaining(s, periods) == period).ToList();
        return inPeriod.Count > 0 && !inPeriod.Any(s => IsChange(s, spans, periods));
    }

    /// <summary>
    /// The open allocation's end when its period of care ends: the period's end date (the first day the child is no
    /// longer looked after). Null when nothing is open or its period is still open.
    /// </summary>
    public static DateOnly? ClosingDate(AllocationSpan open, IReadOnlyList<PeriodOfCare> periods)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(periods);
        if (open.To is not null) return null;
        var period = periods.FirstOrDefault(p => !p.IsShortBreakSeries && p.Start <= open.From && (p.End is null || open.From < p.End));
        return period?.End;
    }
}
