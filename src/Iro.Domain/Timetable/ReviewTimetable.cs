using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Codes;

namespace Iro.Domain.Timetable;

/// <summary>
/// The looked-after review timetable (CPPCR 2010 reg 33; AAR 2005 reg 36; CPPCR reg 48) as a pure
/// function of a child's episodes and review dates. See docs/timetable.md for the rules and choices.
/// </summary>
public static class ReviewTimetable
{
    /// <summary>
    /// Computes the timetable. Never throws for bad data: problems are listed and the result is a best effort.
    /// </summary>
    /// <param name="episodes">The child's episodes, in any order.</param>
    /// <param name="reviewDates">Dates reviews were held, in any order. To answer "as at" a date, pass only those held on or before it.</param>
    /// <param name="calendar">The working-day calendar.</param>
    /// <param name="options">Timetable parameters.</param>
    /// <param name="historyStartsOn">
    /// The date from which reviews are known. A period that started before it has an incomplete history:
    /// its first known review has no due date and the chain runs on from it as a subsequent review.
    /// </param>
    public static ChildTimetable Compute(
        IReadOnlyList<CareEpisode> episodes,
        IReadOnlyList<DateOnly> reviewDates,
        IWorkingDayCalendar calendar,
        TimetableOptions options,
        DateOnly? historyStartsOn = null)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(reviewDates);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);

        var analysis = PeriodsOfCare.Analyse(episodes, historyStartsOn);
        var problems = new List<DataQualityProblem>(analysis.Problems);
        var periods = analysis.Periods;
        var activeUntil = new DateOnly?[periods.Count];
        for (var i = 0; i < periods.Count; i++) activeUntil[i] = ActiveUntil(periods[i], periods, options);

        // Attach each review to the period that covers it (full care first, then a short-break series).
        var sorted = new DateOnly[reviewDates.Count];
        for (var r = 0; r < sorted.Length; r++) sorted[r] = reviewDates[r];
        Array.Sort(sorted);
        // Sized for the usual single period up front: growing the lists was a large part of the engine's allocations.
        var byPeriod = new List<DateOnly>[periods.Count];
        for (var i = 0; i < periods.Count; i++) byPeriod[i] = new List<DateOnly>(periods.Count == 1 ? sorted.Length : 0);
        for (var r = 0; r < sorted.Length; r++)
        {
            var date = sorted[r];
            if (r > 0 && sorted[r - 1] == date)
            {
                problems.Add(new DataQualityProblem(
                    DataQualityCodes.DuplicateReview,
                    $"More than one review is recorded on {date:yyyy-MM-dd}; it is counted once.",
                    date));
                continue;
            }

            var index = FindPeriod(periods, activeUntil, date);
            if (index < 0)
            {
                problems.Add(new DataQualityProblem(
                    DataQualityCodes.ReviewOutsidePeriod,
                    $"A review on {date:yyyy-MM-dd} falls outside every period of care; it has been excluded.",
                    date));
                continue;
            }

            byPeriod[index].Add(date);
        }

        var timetables = new PeriodTimetable[periods.Count];
        for (var i = 0; i < periods.Count; i++)
            timetables[i] = ComputePeriod(periods[i], activeUntil[i], byPeriod[i], calendar, options, historyStartsOn);

        return new ChildTimetable(timetables, problems);
    }

    /// <summary>
    /// The first review's due date for a period starting on <paramref name="start"/>: the 20th working day
    /// after it (start = day 0), or one working day earlier when the start date counts as day 1 and is a
    /// working day.
    /// </summary>
    public static DateOnly FirstReviewDue(DateOnly start, IWorkingDayCalendar calendar, TimetableOptions options)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(options);
        var dayZero = options.StartDateIsDayZero ? start : start.AddDays(-1);
        return calendar.AddWorkingDays(dayZero, options.FirstReviewWorkingDays);
    }

    /// <summary>Placement codes A3-A6: placed for adoption.</summary>
    public static bool IsAdoptionPlacement(PlacementType placement) =>
        placement is PlacementType.A3 or PlacementType.A4 or PlacementType.A5 or PlacementType.A6;

    private static int FindPeriod(IReadOnlyList<PeriodOfCare> periods, DateOnly?[] activeUntil, DateOnly date)
    {
        var found = -1;
        for (var i = 0; i < periods.Count; i++)
        {
            if (date < periods[i].Start || (activeUntil[i] is { } until && date > until)) continue;
            if (!periods[i].IsShortBreakSeries) return LastFullCareCovering(periods, activeUntil, date, i);
            found = i;
        }

        return found;
    }

    private static int LastFullCareCovering(IReadOnlyList<PeriodOfCare> periods, DateOnly?[] activeUntil, DateOnly date, int first)
    {
        var found = first;
        for (var i = first + 1; i < periods.Count; i++)
        {
            if (periods[i].IsShortBreakSeries || date < periods[i].Start) continue;
            if (activeUntil[i] is null || date <= activeUntil[i]) found = i;
        }

        return found;
    }

    private static DateOnly? ActiveUntil(PeriodOfCare period, IReadOnlyList<PeriodOfCare> all, TimetableOptions options)
    {
        if (!period.IsShortBreakSeries) return period.End;

        DateOnly? until = period.End?.AddMonths(options.ShortBreakSeriesLapseMonths);
        foreach (var p in all)
        {
            if (p.IsShortBreakSeries || p.Start <= period.Start) continue;
            var cap = p.Start.AddDays(-1);
            if (until is null || cap < until) until = cap;
            break;
        }

        return until;
    }

    private static PeriodTimetable ComputePeriod(
        PeriodOfCare period,
        DateOnly? activeUntil,
        List<DateOnly> reviews,
        IWorkingDayCalendar calendar,
        TimetableOptions options,
        DateOnly? historyStartsOn)
    {
        var incomplete = historyStartsOn is { } h && period.Start < h;
        var regime = period.IsShortBreakSeries ? ReviewRegime.ShortBreak : ReviewRegime.Standard;
        var stage = ReviewStage.First;
        DateOnly? due;
        if (incomplete)
        {
            stage = ReviewStage.Unknown;
            due = null;
        }
        else
        {
            due = regime == ReviewRegime.ShortBreak
                ? period.Start.AddMonths(options.ShortBreakFirstReviewMonths)
                : FirstReviewDue(period.Start, calendar, options);
        }

        var placements = regime == ReviewRegime.ShortBreak ? null : AdoptionPlacements(period);
        var placementCount = placements?.Count ?? 0;
        var history = new List<DueFrom>(1 + reviews.Count + placementCount) { new(period.Start, due) };
        var result = new List<TimetabledReview>(reviews.Count);
        var p = 0;

        foreach (var held in reviews)
        {
            // A placement before the review (or at the period start) restarts the chain; a review on the
            // day of placement is taken as held before it.
            while (p < placementCount && placements![p] < held)
                ApplyPlacement(placements[p++]);

            result.Add(new TimetabledReview(result.Count + 1, due, held, regime, stage));
            var interval = (regime, stage) switch
            {
                (ReviewRegime.ShortBreak, _) => options.ShortBreakSubsequentReviewMonths,
                (ReviewRegime.Adoption, ReviewStage.First) => options.AdoptionSecondReviewMonths,
                (ReviewRegime.Adoption, _) => options.AdoptionSubsequentReviewMonths,
                (_, ReviewStage.First) => options.SecondReviewMonths,
                _ => options.SubsequentReviewMonths,
            };
            stage = stage == ReviewStage.First ? ReviewStage.Second : ReviewStage.Subsequent;
            due = held.AddMonths(interval);
            history.Add(new DueFrom(held, due));
        }

        while (p < placementCount) ApplyPlacement(placements![p++]);

        return new PeriodTimetable(period, activeUntil, regime, result, history, incomplete);

        void ApplyPlacement(DateOnly placed)
        {
            regime = ReviewRegime.Adoption;
            // Before the known history, a placement only sets the regime: the reviews since are unknown.
            if (historyStartsOn is { } hs && placed < hs && incomplete) return;
            stage = ReviewStage.First;
            due = placed.AddDays(7 * options.AdoptionFirstReviewWeeks);
            history.Add(new DueFrom(placed, due));
        }
    }

    // Start dates of placements for adoption: an A3-A6 episode after a non-adoption one, or a new
    // placement with new carers (RNE P or B, or S at the period start) while already placed for adoption.
    // Null when there are none, as in most periods: the list is only made for the first.
    private static List<DateOnly>? AdoptionPlacements(PeriodOfCare period)
    {
        List<DateOnly>? dates = null;
        CareEpisode? previous = null;
        foreach (var e in period.Episodes)
        {
            if (IsAdoptionPlacement(e.Placement)
                && (previous is null
                    || !IsAdoptionPlacement(previous.Placement)
                    || e.ReasonForNewEpisode is ReasonForNewEpisode.P or ReasonForNewEpisode.B)
                && (dates is null || dates[^1] != e.Start))
            {
                (dates ??= []).Add(e.Start);
            }

            previous = e;
        }

        return dates;
    }
}
