using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Domain.Timetable;

namespace Iro.Web.Features.Reviews;

/// <summary>
/// The one place this feature asks the timetable for a due date, from the held reviews only. The calendar and
/// options here are the statutory defaults; this is the seam to point at the shared timetable service.
/// </summary>
public static class NextReviewDue
{
    public static IWorkingDayCalendar Calendar => WorkingDayCalendar.EnglandAndWales;

    /// <summary>The timetable from the child's episodes and held reviews (which must be loaded).</summary>
    public static ChildTimetable TimetableOf(Child child)
    {
        ArgumentNullException.ThrowIfNull(child);
        return ReviewTimetable.Compute(child.Episodes, child.Reviews.Held().Select(r => r.HeldOn).ToList(), Calendar, new TimetableOptions());
    }

    /// <summary>The due date of the next review; null when the child is not looked after or it cannot be known.</summary>
    public static DateOnly? For(Child child) => TimetableOf(child).NextDueDate;

    /// <summary>The due date that applied to a review held on <paramref name="heldOn"/>: the due date as it stood the day before.</summary>
    public static DateOnly? DueBefore(Child child, DateOnly heldOn)
    {
        ArgumentNullException.ThrowIfNull(child);
        var earlier = child.Reviews.Held().Where(r => r.HeldOn < heldOn).Select(r => r.HeldOn).ToList();
        return ReviewTimetable.Compute(child.Episodes, earlier, Calendar, new TimetableOptions()).DueDateOn(heldOn);
    }
}
