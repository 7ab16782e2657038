using System.Linq.Expressions;
using Iro.Domain.Children;

namespace Iro.Domain.Rules;

/// <summary>
/// "Looked after on a date", the one definition every count, list and report uses: an episode had started and
/// had not ceased by that day, which matches the SSDA903 count at 31 March (a child whose episode ceased on
/// 31 March is not counted as looked after then).
/// </summary>
public static class CareRules
{
    private static readonly Expression<Func<CareEpisode, DateOnly, bool>> EpisodeOpenRule =
        (e, on) => e.Start <= on && (e.End == null || e.End > on);

    private static readonly Func<CareEpisode, DateOnly, bool> EpisodeOpen = EpisodeOpenRule.Compile();

    /// <remarks>
    /// Unlike "open on a date", an episode ceasing on the period's first day still overlaps it: a return reports
    /// every episode that was open at any time in its year, including one that ended on 1 April.
    /// </remarks>
    private static readonly Expression<Func<CareEpisode, (DateOnly From, DateOnly To), bool>> EpisodeOverlappingRule =
        (e, period) => e.Start <= period.To && (e.End == null || e.End >= period.From);

    private static readonly Func<CareEpisode, (DateOnly From, DateOnly To), bool> EpisodeOverlaps = EpisodeOverlappingRule.Compile();

    /// <summary>The episode had started and had not ceased on the date.</summary>
    public static Expression<Func<CareEpisode, bool>> EpisodeOpenOn(DateOnly on) => EpisodeOpenRule.Bind(on);

    /// <summary>The episode was open at some time from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static Expression<Func<CareEpisode, bool>> EpisodeOverlapping(DateOnly from, DateOnly to) =>
        EpisodeOverlappingRule.Bind((from, to));

    public static IQueryable<CareEpisode> Overlapping(this IQueryable<CareEpisode> episodes, DateOnly from, DateOnly to) =>
        episodes.Where(EpisodeOverlapping(from, to));

    /// <summary>The child was looked after on the date.</summary>
    public static Expression<Func<Child, bool>> LookedAfterOn(DateOnly on) =>
        Predicate.Any<Child, CareEpisode>(c => c.Episodes, EpisodeOpenOn(on));

    public static IQueryable<Child> LookedAfterOn(this IQueryable<Child> children, DateOnly on) =>
        children.Where(LookedAfterOn(on));

    /// <summary>The child was looked after at some time in the period (an episode overlapping it).</summary>
    public static IQueryable<Child> LookedAfterDuring(this IQueryable<Child> children, DateOnly from, DateOnly to) =>
        children.Where(LookedAfterDuring(from, to));

    /// <inheritdoc cref="LookedAfterDuring(IQueryable{Child}, DateOnly, DateOnly)"/>
    public static Expression<Func<Child, bool>> LookedAfterDuring(DateOnly from, DateOnly to) =>
        Predicate.Any<Child, CareEpisode>(c => c.Episodes, EpisodeOverlapping(from, to));

    public static bool IsOpenOn(this CareEpisode episode, DateOnly on) => EpisodeOpen(episode, on);

    public static bool Overlaps(this CareEpisode episode, DateOnly from, DateOnly to) => EpisodeOverlaps(episode, (from, to));

    public static bool IsLookedAfterOn(this Child child, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(child);
        return child.Episodes.Any(e => EpisodeOpen(e, on));
    }
}
