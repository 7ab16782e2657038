using System.Globalization;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Reporting;

/// <summary>
/// A reporting year's timeliness (service-wide aggregates, which name no child) beside the year before,
/// and the late reviews of the year within the user's scope.
/// </summary>
public sealed class TimelinessQuery(IroDbContext db, TimetableService timetables)
{
    public sealed record LateReview(
        int ReviewId, string LocalId, string DisplayName, DateOnly HeldOn, DateOnly DueDate, int DaysLate,
        ReasonForLateness? Reason, string? Note);

    /// <param name="Late">The year's late reviews, latest first; null for users who may not see children.</param>
    public sealed record Result(TimelinessReport Year, TimelinessReport PreviousYear, IReadOnlyList<LateReview>? Late)
    {
        private static readonly IReadOnlyList<string> Columns =
        [
            "row_type", "month", "held", "on_time", "percent", "child_id", "name", "held_date", "due_date", "days_late",
            "late_reason", "late_reason_details",
        ];

        /// <summary>
        /// The months, the year's total and the late reviews in one table: a row_type column says which kind
        /// each row is. Percent is empty when no reviews were held.
        /// </summary>
        public ReportTable ToTable()
        {
            static object?[] Figures(string type, string month, TimelinessFigures f) =>
            [
                type, month, f.Held, f.OnTime, f.Held == 0 ? null : f.Percent.ToString("0.0", CultureInfo.InvariantCulture),
                null, null, null, null, null, null, null,
            ];
            var rows = Year.Months.Select(m => Figures("month", m.Month.ToString(), m.Figures))
                .Append(Figures("total", Year.Year.ToString(), Year.Total))
                .Concat((Late ?? []).Select(l => new object?[]
                {
                    "late_review", l.HeldOn.ToString("yyyy-MM", CultureInfo.InvariantCulture), null, null, null, l.LocalId,
                    l.DisplayName, l.HeldOn, l.DueDate, l.DaysLate, l.Reason?.ToLabel(), l.Note,
                }));
            return new ReportTable(Columns, rows);
        }
    }

    public async Task<Result> RunAsync(CurrentUser user, ReportingYear year, CancellationToken ct)
    {
        // Reviews held after the year cannot change its figures; the year before needs nothing further.
        var entries = await timetables.LoadAllAsync(year.End, ct);
        var reviews = entries.SelectMany(e => e.Timetable.AllReviews).ToList();
        var current = TimelinessReport.For(reviews, year);
        var previous = TimelinessReport.For(reviews, new ReportingYear(year.StartYear - 1));
        if (user.Scope == ChildScope.None) return new Result(current, previous, null);

        var visible = (await db.Children.AsNoTracking().VisibleTo(user).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var late = new List<LateReview>();
        foreach (var entry in entries)
        {
            if (!visible.Contains(entry.Child.Id)) continue;
            foreach (var r in entry.Timetable.AllReviews)
            {
                if (!r.CountsForTimeliness || r.OnTime != false || !year.Contains(r.HeldOn)) continue;
                var stored = entry.StoredFor(r);
                if (stored is null) continue;
                late.Add(new LateReview(stored.Id, entry.Child.LocalId, entry.Child.DisplayName, r.HeldOn, r.DueDate!.Value,
                    r.DaysLate ?? 0, stored.LateReason, stored.LateReasonNote));
            }
        }

        return new Result(current, previous, [.. late.OrderByDescending(l => l.HeldOn).ThenBy(l => l.LocalId, StringComparer.Ordinal)]);
    }
}
