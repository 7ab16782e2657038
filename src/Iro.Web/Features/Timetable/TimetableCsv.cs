using Iro.Domain.Timetable;
using Iro.Web.Features.Reporting;

namespace Iro.Web.Features.Timetable;

/// <summary>The timetable as CSV: one row per review held, then one row per period's next due date.</summary>
public static class TimetableCsv
{
    private static readonly IReadOnlyList<string> Columns =
        ["child_id", "period_start", "period_end", "regime", "row_type", "sequence", "due_date", "held_date", "on_time", "days_late", "overdue"];

    public static Task WriteAsync(TextWriter output, IEnumerable<(string ChildId, ChildTimetable Timetable)> children, DateOnly asOf) =>
        CsvReport.WriteAsync(output, Table(children, asOf));

    public static ReportTable Table(IEnumerable<(string ChildId, ChildTimetable Timetable)> children, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(children);
        return new ReportTable(Columns, children.SelectMany(c => Rows(c.ChildId, c.Timetable, asOf)));
    }

    private static IEnumerable<object?[]> Rows(string childId, ChildTimetable timetable, DateOnly asOf)
    {
        var current = timetable.PeriodOn(asOf);
        foreach (var p in timetable.Periods)
        {
            foreach (var r in p.Reviews)
                yield return [childId, p.Start, p.End, p.Regime, "review", r.Sequence, r.DueDate, r.HeldOn, r.OnTime, r.DaysLate, null];

            // The period the child is in on the date always gets a row, even when its due date is unknown.
            if (p.NextDueDate is null && !ReferenceEquals(p, current)) continue;
            var overdue = ReferenceEquals(p, current) && timetable.IsOverdueOn(asOf);
            yield return [childId, p.Start, p.End, p.Regime, "next_due", null, p.NextDueDate, null, null, null, overdue];
        }
    }
}
