using Iro.Domain.Reviews;
using Iro.Domain.Timetable;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// The timetabled reviews the report's timeliness figures read: the one place the report reaches the review
/// timetables. Computed by the timetable engine for only the children with a review held in the years asked for,
/// each from the child's whole history up to the last of those years (a review's due date depends on the reviews
/// before it), so every review returned is exactly as in the service's timetables.
/// </summary>
public sealed class ReportTimetables(IroDbContext db, TimetableService timetables)
{
    /// <summary>The timetabled reviews held from the start of the first year to the end of the last.</summary>
    public async Task<IReadOnlyList<TimetabledReview>> ReviewsAsync(ReportingYear first, ReportingYear last, CancellationToken ct)
    {
        var (from, to) = (first.Start, last.End);
        var children = db.Children.Where(c => db.Reviews.Held().Any(r => r.ChildId == c.Id && r.HeldOn >= from && r.HeldOn <= to));
        var entries = await timetables.LoadAsync(children, to, ct);
        return [.. entries.SelectMany(e => e.Timetable.AllReviews).Where(r => r.HeldOn >= from && r.HeldOn <= to)];
    }
}
