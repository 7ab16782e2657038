using System.Globalization;
using Iro.Domain.Timetable;

namespace Iro.Web.Features.Timetable;

/// <summary>The timetable as CSV: one row per review held, then one row per period's next due date.</summary>
public static class TimetableCsv
{
    public const string Header = "child_id,period_start,period_end,regime,row_type,sequence,due_date,held_date,on_time,days_late,overdue";

    public static async Task WriteAsync(TextWriter output, IEnumerable<(string ChildId, ChildTimetable Timetable)> children, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(children);
        await output.WriteLineAsync(Header);
        foreach (var (childId, timetable) in children)
        {
            var current = timetable.PeriodOn(asOf);
            foreach (var p in timetable.Periods)
            {
                var prefix = $"{Csv.Field(childId)},{Csv.Date(p.Start)},{Csv.Date(p.End)},{p.Regime}";
                foreach (var r in p.Reviews)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{prefix},review,{r.Sequence},{Csv.Date(r.DueDate)},{Csv.Date(r.HeldOn)},{Csv.Bool(r.OnTime)},{r.DaysLate},"));
                }

                // The period the child is in on the date always gets a row, even when its due date is unknown.
                if (p.NextDueDate is null && !ReferenceEquals(p, current)) continue;
                var overdue = ReferenceEquals(p, current) && timetable.IsOverdueOn(asOf);
                await output.WriteLineAsync($"{prefix},next_due,,{Csv.Date(p.NextDueDate)},,,,{Csv.Bool(overdue)}");
            }
        }
    }
}

/// <summary>Minimal CSV field formatting (RFC 4180 quoting; ISO dates; lower-case booleans).</summary>
public static class Csv
{
    public static string Field(string? value) =>
        value is null ? "" :
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string Bool(bool? value) => value switch { true => "true", false => "false", null => "" };
}
