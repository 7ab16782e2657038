using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Timetable;
using Iro.Web.Features.Timetable;

namespace Iro.Web.Features.Reviews;

/// <summary>
/// Due dates for the review pages, from the held reviews only, with the same calendar (including
/// administrator-added bank holidays), options and history start as the timetable pages.
/// <see cref="PrepareAsync"/> runs when the workspace loads a child, so the page code can stay synchronous.
/// </summary>
public sealed class NextReviewDue(TimetableService timetables)
{
    private TimetableContext? _context;

    public async Task PrepareAsync(CancellationToken ct) => _context ??= await timetables.ContextAsync(ct);

    private TimetableContext Context => _context ?? throw new InvalidOperationException("NextReviewDue.PrepareAsync has not run.");

    public IWorkingDayCalendar Calendar => Context.Calendar;

    /// <summary>The timetable from the child's episodes and held reviews (which must be loaded).</summary>
    public ChildTimetable TimetableOf(Child child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return Context.Compute(child.Episodes, [.. child.Reviews.Held().Select(r => r.HeldOn).Order()]);
    }

    /// <summary>The due date of the next review; null when the child is not looked after or it cannot be known.</summary>
    public DateOnly? For(Child child) => TimetableOf(child).NextDueDate;

    /// <summary>The due date that applied to a review held on <paramref name="heldOn"/>: the due date as it stood the day before.</summary>
    public DateOnly? DueBefore(Child child, DateOnly heldOn)
    {
        ArgumentNullException.ThrowIfNull(child);
        var earlier = child.Reviews.Held().Where(r => r.HeldOn < heldOn).Select(r => r.HeldOn).Order().ToList();
        return Context.Compute(child.Episodes, earlier).DueDateOn(heldOn);
    }
}
