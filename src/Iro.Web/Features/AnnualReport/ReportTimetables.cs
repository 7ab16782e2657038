using Iro.Domain.Calendar;
using Iro.Domain.Timetable;
using Iro.Web.Data;
using Iro.Web.Features.Reporting;
using Iro.Web.Features.Timetable.Store;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// The one place the report reaches the review timetables. They come from the materialised timetable
/// (<see cref="TimetableStore"/>), brought up to date first, so every review is exactly as the timetable engine
/// computes it from the child's whole history. A review's due date depends only on what came before it, so later
/// reviews do not change the years asked for.
/// </summary>
public sealed class ReportTimetables(IroDbContext db, TimetableStore store, TimeProvider clock, TimelinessQuery timeliness)
{
    /// <summary>
    /// A year's timeliness as <c>iro reviews timeliness</c> counts it: by month in the database, over the on-time
    /// state the store keeps for each timetabled review, so no review is read into the process.
    /// </summary>
    public Task<TimelinessReport> TimelinessAsync(ReportingYear year, CancellationToken ct) => timeliness.ReportAsync(year, ct);

    /// <summary>The timetabled reviews held from the start of the first year to the end of the last.</summary>
    public async Task<IReadOnlyList<TimetabledReview>> ReviewsAsync(ReportingYear first, ReportingYear last, CancellationToken ct)
    {
        var (from, to) = (first.Start, last.End);
        await store.EnsureFreshAsync(clock.ServiceToday(), ct);
        return await db.TimetabledReviews.AsNoTracking()
            .Where(r => r.HeldOn >= from && r.HeldOn <= to)
            .OrderBy(r => db.Children.Where(c => c.Id == r.ChildId).Select(c => c.LocalId).First())
            .ThenBy(r => r.PeriodStart).ThenBy(r => r.Sequence)
            .Select(r => new TimetabledReview(r.Sequence, r.DueDate, r.HeldOn, r.Regime, r.Stage))
            .ToListAsync(ct);
    }
}
