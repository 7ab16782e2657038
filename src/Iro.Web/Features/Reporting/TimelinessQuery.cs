using System.Globalization;
using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Timetable.Store;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Reporting;

/// <summary>
/// A reporting year's timeliness (service-wide aggregates, which name no child) beside the year before,
/// and the late reviews of the year within the user's scope, read from the materialised timetable.
/// </summary>
public sealed class TimelinessQuery(IroDbContext db, TimetableStore store, TimeProvider clock)
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

    /// <summary>The figures and one page of the late reviews, as the page shows them.</summary>
    /// <param name="Late">A page of the year's late reviews, latest first; null for users who may not see children.</param>
    public sealed record Shown(TimelinessReport Year, TimelinessReport PreviousYear, Paged<LateReview>? Late);

    /// <summary>A late review as read, before its child's name is put together.</summary>
    private sealed class LateRow
    {
        public int ReviewId { get; init; }
        public required string LocalId { get; init; }
        public string? FirstName { get; init; }
        public string? LastName { get; init; }
        public DateOnly HeldOn { get; init; }
        public DateOnly DueDate { get; init; }
        public int DaysLate { get; init; }
        public ReasonForLateness? Reason { get; init; }
        public string? Note { get; init; }

        public LateReview ToLateReview() =>
            new(ReviewId, LocalId, Child.DisplayNameOf(LocalId, FirstName, LastName), HeldOn, DueDate, DaysLate, Reason, Note);
    }

    /// <summary>The year's figures only (the command line).</summary>
    public async Task<TimelinessReport> ReportAsync(ReportingYear year, CancellationToken ct)
    {
        await store.EnsureFreshAsync(clock.ServiceToday(), ct);
        return TimelinessReport.FromMonths(year, await MonthsAsync(year.Start, year.End, ct));
    }

    /// <summary>The figures and every late review in the user's scope (the download).</summary>
    public async Task<Result> RunAsync(CurrentUser user, ReportingYear year, CancellationToken ct)
    {
        var (current, previous) = await FiguresAsync(year, ct);
        if (user.Scope == ChildScope.None) return new Result(current, previous, null);
        var late = await LateReviews(user, year).ToListAsync(ct);
        return new Result(current, previous, [.. late.Select(l => l.ToLateReview())]);
    }

    /// <summary>The figures and one page of the late reviews in the user's scope.</summary>
    public async Task<Shown> PageAsync(CurrentUser user, ReportingYear year, int latePage, int pageSize, CancellationToken ct)
    {
        var (current, previous) = await FiguresAsync(year, ct);
        if (user.Scope == ChildScope.None) return new Shown(current, previous, null);
        var late = await LateReviews(user, year).PageOfAsync(latePage, ct, pageSize);
        return new Shown(current, previous, new Paged<LateReview>([.. late.Rows.Select(l => l.ToLateReview())], late.Total, late.Page, late.PageSize));
    }

    /// <summary>The year and the year before, from one aggregation over the stored timetable.</summary>
    private async Task<(TimelinessReport Current, TimelinessReport Previous)> FiguresAsync(ReportingYear year, CancellationToken ct)
    {
        await store.EnsureFreshAsync(clock.ServiceToday(), ct);
        var previous = new ReportingYear(year.StartYear - 1);
        var months = await MonthsAsync(previous.Start, year.End, ct);
        return (TimelinessReport.FromMonths(year, months), TimelinessReport.FromMonths(previous, months));
    }

    /// <summary>
    /// Reviews that count for timeliness held between the dates, and how many on time, by month: counted by day in
    /// the database, in the order of the (HeldOn, ...) index, and added up by month here. Grouping by the month in SQL
    /// works out every row's year and month from its date text (strftime), several times the cost of the counting.
    /// </summary>
    private async Task<IReadOnlyDictionary<ReportingMonth, TimelinessFigures>> MonthsAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        (await db.TimetabledReviews.AsNoTracking()
            .Where(r => r.CountsForTimeliness && r.HeldOn >= from && r.HeldOn <= to)
            .GroupBy(r => r.HeldOn)
            .Select(g => new { HeldOn = g.Key, Held = g.Count(), OnTime = g.Count(r => r.OnTime == true) })
            .ToListAsync(ct))
        .GroupBy(d => new ReportingMonth(d.HeldOn.Year, d.HeldOn.Month))
        .ToDictionary(m => m.Key, m => new TimelinessFigures(m.Sum(d => d.Held), m.Sum(d => d.OnTime)));

    /// <summary>
    /// The year's late reviews of children the user may see, latest first, with the reason recorded on the stored
    /// review behind each.
    /// </summary>
    private IQueryable<LateRow> LateReviews(CurrentUser user, ReportingYear year)
    {
        DateOnly start = year.Start, end = year.End;
        var late = from t in db.TimetabledReviews.AsNoTracking()
            where t.CountsForTimeliness && t.OnTime == false && t.HeldOn >= start && t.HeldOn <= end && t.ReviewId != null
            join c in db.Children.AsNoTracking().VisibleTo(user) on t.ChildId equals c.Id
            join r in db.Reviews.AsNoTracking() on t.ReviewId equals (int?)r.Id
            select new { t.Id, t.PeriodStart, t.Sequence, Row = new LateRow
            {
                ReviewId = r.Id, LocalId = c.LocalId, FirstName = c.FirstName, LastName = c.LastName, HeldOn = t.HeldOn,
                DueDate = t.DueDate!.Value, DaysLate = t.DaysLate ?? 0, Reason = r.LateReason, Note = r.LateReasonNote,
            } };
        // A child's reviews on one day keep their timetable order.
        return late.OrderByDescending(l => l.Row.HeldOn).ThenByOrdinal(db, l => l.Row.LocalId)
            .ThenBy(l => l.PeriodStart).ThenBy(l => l.Sequence).ThenBy(l => l.Id)
            .Select(l => l.Row);
    }
}
