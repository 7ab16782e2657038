using Iro.Domain.Codes;
using Iro.Domain.Timetable;

namespace Iro.Domain.Children;

/// <summary>Periods of care derived from episodes, with the data-quality problems found on the way.</summary>
public sealed record PeriodsOfCareResult(IReadOnlyList<PeriodOfCare> Periods, IReadOnlyList<DataQualityProblem> Problems);

/// <summary>
/// Derives periods of care from episodes (ssda903.md section 12; statutory-rules.md section 4):
/// a period starts with RNE S, or after any gap of a day or more; an episode closed with REC X1 runs on
/// into the next episode on the same day and never ends the period; an episode closed with any other
/// reason ends it. Short-break episodes (V3/V4) are grouped separately into series (see
/// <see cref="Analyse"/>). Problems never throw: the result is a best effort.
/// </summary>
public static class PeriodsOfCare
{
    /// <summary>The periods alone: the same as <see cref="Analyse"/>'s, without describing its problems (which costs
    /// more than building the periods when a report derives them for every child).</summary>
    public static IReadOnlyList<PeriodOfCare> From(IEnumerable<CareEpisode> episodes) => Build(episodes, null, problems: null);

    /// <summary>
    /// Builds the periods, in start order.
    /// Full care: overlapping episodes, and an open episode followed by another, are merged into one
    /// period (the child was looked after throughout); RNE S on a same-day continuation after X1 continues
    /// the period (X1 never resets); a same-day start without S after a leaving reason continues it too;
    /// a gap always starts a new period; an X1 with no episode that day ends the period at that date.
    /// Episodes ending before they start are ignored. Each of these is reported as a problem.
    /// Short breaks: all V3/V4 episodes form one series from the first break, ending with its last break;
    /// a period of full care starting between two breaks splits the series.
    /// </summary>
    /// <param name="episodes">The child's episodes, in any order.</param>
    /// <param name="historyStartsOn">
    /// When given, a first episode that starts before this date without RNE S is not a problem: its period
    /// simply started before the history held.
    /// </param>
    public static PeriodsOfCareResult Analyse(IEnumerable<CareEpisode> episodes, DateOnly? historyStartsOn = null)
    {
        var problems = new List<DataQualityProblem>();
        return new PeriodsOfCareResult(Build(episodes, historyStartsOn, problems), problems);
    }

    /// <summary>Builds the periods, adding the problems found to <paramref name="problems"/> when given.</summary>
    private static List<PeriodOfCare> Build(IEnumerable<CareEpisode> episodes, DateOnly? historyStartsOn, List<DataQualityProblem>? problems)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var valid = new List<CareEpisode>();
        foreach (var e in episodes)
        {
            if (e.End is { } end && end < e.Start)
            {
                problems?.Add(new DataQualityProblem(
                    DataQualityCodes.EpisodeEndsBeforeStart,
                    $"An episode ends ({end:yyyy-MM-dd}) before it starts ({e.Start:yyyy-MM-dd}); it has been ignored.",
                    e.Start));
                continue;
            }

            valid.Add(e);
        }

        // One stable sort, by start and then end, for both kinds: each is walked in that order.
        SortByStartThenEnd(valid);
        var fullCare = new List<CareEpisode>(valid.Count);
        List<CareEpisode>? breaks = null;
        foreach (var e in valid)
        {
            if (IsShortBreak(e)) (breaks ??= []).Add(e);
            else fullCare.Add(e);
        }
        var full = FullCare(fullCare, historyStartsOn, problems);
        // Periods of full care begin in the order of their first episodes: already in start order.
        if (breaks is null) return full;
        var series = ShortBreakSeries(breaks, full, problems);
        return [.. full.Concat(series).OrderBy(p => p.Start).ThenBy(p => p.IsShortBreakSeries)];
    }

    /// <summary>
    /// A stable insertion sort in place: a child has a handful of episodes, for which it is the cheapest stable sort
    /// (ordering them through LINQ cost more than building the periods).
    /// </summary>
    private static void SortByStartThenEnd(List<CareEpisode> episodes)
    {
        for (var i = 1; i < episodes.Count; i++)
        {
            var episode = episodes[i];
            var j = i - 1;
            for (; j >= 0 && Compare(episodes[j], episode) > 0; j--) episodes[j + 1] = episodes[j];
            episodes[j + 1] = episode;
        }

        static int Compare(CareEpisode a, CareEpisode b) =>
            a.Start != b.Start ? a.Start.CompareTo(b.Start) : (a.End ?? DateOnly.MaxValue).CompareTo(b.End ?? DateOnly.MaxValue);
    }

    /// <summary>Legal status V3 or V4: a series of short-term breaks (CPPCR reg 48).</summary>
    public static bool IsShortBreak(CareEpisode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return episode.LegalStatus is LegalStatus.V3 or LegalStatus.V4;
    }

    /// <param name="episodes">Episodes of full care, in start and then end order.</param>
    private static List<PeriodOfCare> FullCare(
        List<CareEpisode> episodes, DateOnly? historyStartsOn, List<DataQualityProblem>? problems)
    {
        var periods = new List<PeriodOfCare>();
        List<CareEpisode>? current = null;
        DateOnly? currentEnd = null;
        ReasonEpisodeCeased? currentReason = null;

        foreach (var e in episodes)
        {
            var startsNew = false;
            if (current is null)
            {
                startsNew = true;
                if (e.ReasonForNewEpisode != ReasonForNewEpisode.S && !(historyStartsOn is { } h && e.Start < h))
                    problems?.Add(NewPeriodWithoutS(e));
            }
            else if (currentEnd is null)
            {
                problems?.Add(new DataQualityProblem(
                    DataQualityCodes.OpenEpisodeFollowed,
                    $"An episode starting {e.Start:yyyy-MM-dd} follows an episode that is still open; both are treated as one period.",
                    e.Start));
            }
            else if (e.Start < currentEnd)
            {
                problems?.Add(new DataQualityProblem(
                    DataQualityCodes.EpisodesOverlap,
                    $"An episode starting {e.Start:yyyy-MM-dd} overlaps one ending {currentEnd:yyyy-MM-dd}; both are treated as one period.",
                    e.Start));
            }
            else if (e.Start == currentEnd)
            {
                if (currentReason == ReasonEpisodeCeased.X1)
                {
                    if (e.ReasonForNewEpisode == ReasonForNewEpisode.S)
                    {
                        problems?.Add(new DataQualityProblem(
                            DataQualityCodes.StartAfterX1,
                            $"An episode on {e.Start:yyyy-MM-dd} has RNE S but continues an episode ended X1 that day; the period continues.",
                            e.Start));
                    }
                }
                else if (e.ReasonForNewEpisode == ReasonForNewEpisode.S)
                {
                    startsNew = true;
                }
                else
                {
                    problems?.Add(new DataQualityProblem(
                        DataQualityCodes.LeftCareButContinued,
                        $"An episode ended {currentEnd:yyyy-MM-dd} with a leaving-care reason, but the next starts that day without RNE S; the period continues.",
                        e.Start));
                }
            }
            else
            {
                startsNew = true;
                if (currentReason == ReasonEpisodeCeased.X1) problems?.Add(X1WithoutNext(currentEnd.Value));
                if (e.ReasonForNewEpisode != ReasonForNewEpisode.S) problems?.Add(NewPeriodWithoutS(e));
            }

            if (startsNew)
            {
                if (current is not null) periods.Add(new PeriodOfCare(current[0].Start, currentEnd, current));
                current = [];
                currentEnd = e.End;
                currentReason = e.ReasonCeased;
            }
            else if (currentEnd is not null && (e.End is null || e.End >= currentEnd))
            {
                currentEnd = e.End;
                currentReason = e.ReasonCeased;
            }

            current!.Add(e);
        }

        if (current is not null)
        {
            if (currentEnd is { } end && currentReason == ReasonEpisodeCeased.X1) problems?.Add(X1WithoutNext(end));
            periods.Add(new PeriodOfCare(current[0].Start, currentEnd, current));
        }

        return periods;
    }

    /// <param name="breaks">Short-break episodes, in start and then end order.</param>
    private static List<PeriodOfCare> ShortBreakSeries(
        List<CareEpisode> breaks, List<PeriodOfCare> fullCare, List<DataQualityProblem>? problems)
    {
        var series = new List<PeriodOfCare>();
        List<CareEpisode>? current = null;
        foreach (var e in breaks)
        {
            var eEnd = e.End ?? DateOnly.MaxValue;
            if (fullCare.Any(p => p.Start <= eEnd && (p.End is null || e.Start <= p.End)))
            {
                problems?.Add(new DataQualityProblem(
                    DataQualityCodes.ShortBreakDuringCare,
                    $"A short break starting {e.Start:yyyy-MM-dd} overlaps a period of full care.",
                    e.Start));
            }

            var split = current is not null
                && fullCare.Any(p => p.Start > current[^1].Start && p.Start <= e.Start);
            if (current is null || split)
            {
                if (current is not null) series.Add(CloseSeries(current));
                current = [];
            }

            current.Add(e);
        }

        if (current is not null) series.Add(CloseSeries(current));
        return series;
    }

    private static PeriodOfCare CloseSeries(List<CareEpisode> breaks)
    {
        DateOnly? end = breaks.Any(b => b.End is null) ? null : breaks.Max(b => b.End!.Value);
        return new PeriodOfCare(breaks[0].Start, end, breaks) { IsShortBreakSeries = true };
    }

    private static DataQualityProblem NewPeriodWithoutS(CareEpisode e) => new(
        DataQualityCodes.NewPeriodWithoutS,
        $"A period of care starts on {e.Start:yyyy-MM-dd} with RNE {e.ReasonForNewEpisode}, not S; it is treated as a new period.",
        e.Start);

    private static DataQualityProblem X1WithoutNext(DateOnly end) => new(
        DataQualityCodes.X1WithoutNextEpisode,
        $"An episode ended {end:yyyy-MM-dd} with REC X1, but no episode starts that day; the period is treated as ended.",
        end);
}
