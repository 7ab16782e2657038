namespace Iro.Domain.Timetable;

/// <summary>A timetabled review with the start of the period it belongs to: one stored row.</summary>
public sealed record PeriodReview(DateOnly PeriodStart, TimetabledReview Review);

/// <summary>What is stored once per child besides its reviews and its state as at the service day.</summary>
/// <param name="Reliable">As <see cref="ChildTimetable.IsReliable"/>.</param>
/// <param name="ProblemCodes">The data-quality codes, in the order found, joined by ','.</param>
/// <param name="NextDueDate">As <see cref="ChildTimetable.NextDueDate"/>.</param>
/// <param name="Spans">The periods in the form of <see cref="TimetableSpans"/>.</param>
public sealed record TimetableSummary(bool Reliable, string ProblemCodes, DateOnly? NextDueDate, string Spans);

/// <summary>Turns a computed timetable into what the database keeps of it (the materialised timetable).</summary>
public static class TimetableMaterialisation
{
    /// <summary>Every timetabled review (<see cref="ChildTimetable.AllReviews"/>) with its period's start.</summary>
    public static IEnumerable<PeriodReview> Reviews(ChildTimetable timetable)
    {
        ArgumentNullException.ThrowIfNull(timetable);
        return timetable.Periods.SelectMany(p => p.Reviews.Select(r => new PeriodReview(p.Start, r)));
    }

    public static TimetableSummary Summarise(ChildTimetable timetable)
    {
        ArgumentNullException.ThrowIfNull(timetable);
        return new TimetableSummary(
            timetable.IsReliable, string.Join(',', timetable.Problems.Select(p => p.Code)), timetable.NextDueDate, TimetableSpans.Encode(timetable));
    }
}
