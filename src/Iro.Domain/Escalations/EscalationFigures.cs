using Iro.Domain.Calendar;
using Iro.Domain.Timetable;

namespace Iro.Domain.Escalations;

/// <summary>How many escalations had a configured level, theme or outcome (by its key, with its label).</summary>
public sealed record EscalationCount(string Key, string Label, int Count);

/// <summary>
/// The escalation figures of a reporting year (issue point 5), for the annual report, the figures page and
/// <c>iro escalations summary</c>. An escalation belongs to the year its first stage was raised in
/// (<see cref="Escalation.RaisedOn"/>, 1 April to 31 March); every figure but <see cref="PreviousYearCount"/>
/// is about the escalations raised in <see cref="Year"/>.
/// </summary>
public sealed record EscalationFigures(
    ReportingYear Year,
    int Count,
    int PreviousYearCount,
    IReadOnlyList<EscalationCount> ByHighestLevel,
    IReadOnlyList<EscalationCount> ByResolvedLevel,
    IReadOnlyList<EscalationCount> ByTheme,
    IReadOnlyList<EscalationCount> ByOutcome,
    int Open,
    int? MedianWorkingDaysToResolve,
    int? MaxWorkingDaysToResolve,
    int OverTotalWorkingDays,
    int CafcassReferrals)
{
    /// <summary>
    /// Computes the figures from the escalations (with their stages and themes) raised in the year or the one
    /// before; others are ignored.
    /// <list type="bullet">
    /// <item>Open: no resolution date at the time of computing, whatever the year end, so an escalation of
    /// the year resolved after 31 March counts as resolved.</item>
    /// <item>By highest level and by theme: every escalation of the year (one with several themes counts under
    /// each). By level at which resolved and by outcome: the resolved ones.</item>
    /// <item>Working days to resolve (<see cref="EscalationClock.WorkingDaysToResolve"/>): the resolved ones
    /// only; the median (the mean of the two middle values for an even count) is rounded half up.</item>
    /// <item>Over the total: resolved ones whose working days from raising to resolution exceed
    /// <see cref="EscalationOptions.TotalWorkingDays"/>.</item>
    /// <item>Cafcass referrals: escalations of the year with a referral recorded, whenever it was made.</item>
    /// </list>
    /// Every configured level, theme and outcome is listed, with 0 where there are none; a key no longer
    /// configured but found in the data is listed after them, so the counts still add up.
    /// </summary>
    public static EscalationFigures For(
        IEnumerable<Escalation> escalations, ReportingYear year, EscalationOptions options, IWorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(escalations);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calendar);
        var previousYear = new ReportingYear(year.StartYear - 1);
        var all = escalations.ToList();
        var raised = all.Where(e => year.Contains(e.RaisedOn)).ToList();
        var resolved = raised.Where(e => !e.IsOpen).ToList();
        var daysToResolve = resolved.Select(e => EscalationClock.WorkingDaysToResolve(e, calendar)!.Value).Order().ToList();
        var levels = options.EffectiveLevels.Select(l => (l.Key, l.Label)).ToList();

        return new EscalationFigures(
            year,
            raised.Count,
            all.Count(e => previousYear.Contains(e.RaisedOn)),
            CountBy(levels, raised.Select(e => EscalationClock.HighestLevel(e, options)).OfType<string>()),
            CountBy(levels, resolved.Select(EscalationClock.ResolvedAtLevel).OfType<string>()),
            CountBy(options.EffectiveThemes.Select(t => (t.Key, t.Label)), raised.SelectMany(e => e.Themes.Select(t => t.Key).Distinct())),
            CountBy(Enum.GetValues<EscalationOutcome>().Select(o => (o.ToString(), OutcomeLabel(o))), resolved.Select(e => e.Outcome?.ToString()).OfType<string>()),
            raised.Count - resolved.Count,
            daysToResolve.Count == 0 ? null : MedianRoundedHalfUp(daysToResolve),
            daysToResolve.Count == 0 ? null : daysToResolve[^1],
            daysToResolve.Count(d => d > options.TotalWorkingDays),
            raised.Count(e => e.CafcassReferredOn is not null));
    }

    /// <summary>How an outcome is written on pages and in the annual report.</summary>
    public static string OutcomeLabel(EscalationOutcome outcome) => outcome switch
    {
        EscalationOutcome.Resolved => "Resolved",
        EscalationOutcome.Compromise => "Compromise reached",
        EscalationOutcome.DifferenceAcknowledged => "Difference of opinion acknowledged",
        EscalationOutcome.Withdrawn => "Withdrawn",
        _ => outcome.ToString(),
    };

    /// <summary>The median of sorted values, rounded half up to a whole number (9.5 gives 10).</summary>
    public static int MedianRoundedHalfUp(IReadOnlyList<int> sorted)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2m;
        return (int)Math.Floor(median + 0.5m);
    }

    private static List<EscalationCount> CountBy(IEnumerable<(string Key, string Label)> configured, IEnumerable<string> keys)
    {
        var counts = keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var listed = configured.Select(c => new EscalationCount(c.Key, c.Label, counts.GetValueOrDefault(c.Key))).ToList();
        var unconfigured = counts.Keys.Where(k => !listed.Exists(l => string.Equals(l.Key, k, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .Select(k => new EscalationCount(k, k, counts[k]));
        return [.. listed, .. unconfigured];
    }
}
