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

    /// <summary>The episode had started and had not ceased on the date.</summary>
    public static Expression<Func<CareEpisode, bool>> EpisodeOpenOn(DateOnly on) => EpisodeOpenRule.Bind(on);

    /// <summary>The child was looked after on the date.</summary>
    public static Expression<Func<Child, bool>> LookedAfterOn(DateOnly on) =>
        Predicate.Any<Child, CareEpisode>(c => c.Episodes, EpisodeOpenOn(on));

    public static IQueryable<Child> LookedAfterOn(this IQueryable<Child> children, DateOnly on) =>
        children.Where(LookedAfterOn(on));

    public static bool IsOpenOn(this CareEpisode episode, DateOnly on) => EpisodeOpen(episode, on);

    public static bool IsLookedAfterOn(this Child child, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(child);
        return child.Episodes.Any(e => EpisodeOpen(e, on));
    }
}
