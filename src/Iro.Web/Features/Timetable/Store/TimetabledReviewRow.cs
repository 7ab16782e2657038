using Iro.Domain.Timetable;

namespace Iro.Web.Features.Timetable.Store;

/// <summary>
/// One timetabled review (an item of <see cref="ChildTimetable.AllReviews"/>) as kept in the materialised
/// timetable; always what <see cref="TimetableService"/> would compute now (see <see cref="TimetableStore"/>).
/// </summary>
public sealed class TimetabledReviewRow
{
    public int Id { get; set; }
    public int ChildId { get; set; }

    /// <summary>The stored review behind it: the first by Id when duplicates share a date (<see cref="ChildTimetableEntry.StoredFor"/>).</summary>
    public int? ReviewId { get; set; }

    public DateOnly PeriodStart { get; set; }
    public int Sequence { get; set; }
    public DateOnly HeldOn { get; set; }
    public DateOnly? DueDate { get; set; }
    public ReviewRegime Regime { get; set; }
    public ReviewStage Stage { get; set; }
    public bool CountsForTimeliness { get; set; }
    public bool? OnTime { get; set; }
    public int? DaysLate { get; set; }

    public static TimetabledReviewRow From(int childId, int? reviewId, PeriodReview item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var review = item.Review;
        return new TimetabledReviewRow
        {
            ChildId = childId, ReviewId = reviewId, PeriodStart = item.PeriodStart, Sequence = review.Sequence, HeldOn = review.HeldOn,
            DueDate = review.DueDate, Regime = review.Regime, Stage = review.Stage, CountsForTimeliness = review.CountsForTimeliness,
            OnTime = review.OnTime, DaysLate = review.DaysLate,
        };
    }
}
