using Iro.Domain.Timetable;
using Iro.Web.Data;

namespace Iro.Web.Features.Timetable.Store;

/// <summary>
/// Stand-in for the incremental store: recomputes every child's stored timetable on each call. Correct but slow;
/// replaced by the store that recomputes only what changed.
/// </summary>
public sealed class TimetableStore(IroDbContext db, TimetableService timetables)
{
    public async Task EnsureFreshAsync(DateOnly today, CancellationToken ct)
    {
        var context = await timetables.ContextAsync(ct);
        var entries = await timetables.LoadAllAsync(null, ct);
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteDeleteAsync(db.TimetabledReviews, ct);
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteDeleteAsync(db.ChildTimetableStates, ct);
        foreach (var entry in entries)
        {
            var summary = TimetableMaterialisation.Summarise(entry.Timetable);
            var state = TimetableSpans.AsAt(summary.Spans, today, context.Calendar, context.Options.AmberWindowWorkingDays);
            db.ChildTimetableStates.Add(ChildTimetableState.From(entry.Child.Id, summary, state));
            foreach (var item in TimetableMaterialisation.Reviews(entry.Timetable))
                db.TimetabledReviews.Add(TimetabledReviewRow.From(entry.Child.Id, entry.StoredFor(item.Review)?.Id, item));
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
