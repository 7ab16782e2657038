using Iro.Domain.Children;
using Iro.Domain.Codes;

namespace Iro.Domain.Voice;

/// <summary>
/// Placement moves from the care episodes: a new episode whose reason (RNE) is a change of placement (P, T, B or
/// U) is a move on its start date. Moves into or out of a temporary placement (T0-T4: hospital, holiday, respite
/// while the carer is away) are not moves: the child goes back to the same home.
/// </summary>
public static class PlacementMoves
{
    private static readonly HashSet<ReasonForNewEpisode> ChangeOfPlacement =
        [ReasonForNewEpisode.P, ReasonForNewEpisode.T, ReasonForNewEpisode.B, ReasonForNewEpisode.U];

    private static readonly HashSet<PlacementType> Temporary =
        [PlacementType.T0, PlacementType.T1, PlacementType.T2, PlacementType.T3, PlacementType.T4];

    /// <summary>The dates of the child's placement moves, in order.</summary>
    public static IReadOnlyList<DateOnly> MoveDates(IEnumerable<CareEpisode> episodes)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        var ordered = episodes.OrderBy(e => e.Start).ToList();
        var moves = new List<DateOnly>();
        for (var i = 1; i < ordered.Count; i++)
        {
            var episode = ordered[i];
            if (ChangeOfPlacement.Contains(episode.ReasonForNewEpisode)
                && !Temporary.Contains(episode.Placement) && !Temporary.Contains(ordered[i - 1].Placement))
                moves.Add(episode.Start);
        }

        return moves;
    }

    /// <summary>Moves dated in the 12 months up to and including <paramref name="asOf"/>.</summary>
    public static int CountInYearTo(IEnumerable<CareEpisode> episodes, DateOnly asOf) =>
        MoveDates(episodes).Count(d => d > asOf.AddYears(-1) && d <= asOf);
}
