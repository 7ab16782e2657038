using Iro.Domain.Codes;

namespace Iro.Domain.Children;

/// <summary>
/// Derives periods of care from episodes (ssda903.md section 12; statutory-rules.md section 4):
/// a period starts with RNE S, or after any gap; an episode closed with REC X1 runs on into the next
/// episode on the same day and never ends the period.
/// </summary>
public static class PeriodsOfCare
{
    public static IReadOnlyList<PeriodOfCare> From(IEnumerable<CareEpisode> episodes)
    {
        var periods = new List<PeriodOfCare>();
        List<CareEpisode>? current = null;
        DateOnly? previousEnd = null;
        ReasonEpisodeCeased? previousReason = null;

        foreach (var episode in episodes.OrderBy(e => e.Start).ThenBy(e => e.End ?? DateOnly.MaxValue))
        {
            var continues = current is not null
                && episode.ReasonForNewEpisode != ReasonForNewEpisode.S
                && previousEnd == episode.Start
                && previousReason == ReasonEpisodeCeased.X1;
            if (!continues)
            {
                if (current is not null) periods.Add(Close(current));
                current = [];
            }

            current!.Add(episode);
            previousEnd = episode.End;
            previousReason = episode.ReasonCeased;
        }

        if (current is not null) periods.Add(Close(current));
        return periods;
    }

    private static PeriodOfCare Close(List<CareEpisode> episodes) =>
        new(episodes[0].Start, episodes[^1].End, episodes);
}
