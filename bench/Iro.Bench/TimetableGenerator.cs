using Iro.Domain.Children;
using Iro.Domain.Codes;

namespace Iro.Bench;

/// <summary>
/// Synthetic children for the in-memory benchmark: periods of care made of a few episodes, some leaving and
/// returning, with reviews roughly on the statutory cadence (about 4 weeks, 3 months, then 6 months, some late).
/// </summary>
internal static class TimetableGenerator
{
    public sealed record GeneratedChild(IReadOnlyList<CareEpisode> Episodes, IReadOnlyList<DateOnly> Reviews);

    public static IReadOnlyList<GeneratedChild> Generate(int children, DateOnly asOf, int seed)
    {
        var random = new Random(seed);
        var result = new GeneratedChild[children];
        for (var i = 0; i < children; i++) result[i] = Child(random, asOf);
        return result;
    }

    private static GeneratedChild Child(Random random, DateOnly asOf)
    {
        var episodes = new List<CareEpisode>();
        var reviews = new List<DateOnly>();
        var start = asOf.AddDays(-random.Next(30, 3 * 365));
        var periods = random.NextDouble() < 0.15 ? 2 : 1;
        for (var p = 0; p < periods && start < asOf; p++)
        {
            var length = random.NextDouble() < 0.6 ? (int?)null : random.Next(60, 700);
            var end = length is { } days ? start.AddDays(days) : (DateOnly?)null;
            if (end >= asOf) end = null;
            AddEpisodes(random, episodes, start, end);
            AddReviews(random, reviews, start, end ?? asOf);
            if (end is null) break;
            start = end.Value.AddDays(random.Next(30, 400));
        }

        return new GeneratedChild(episodes, reviews);
    }

    private static void AddEpisodes(Random random, List<CareEpisode> episodes, DateOnly start, DateOnly? end)
    {
        // One to three episodes, joined by placement moves (REC X1, RNE P) on the same day.
        var count = random.Next(1, 4);
        var span = (end ?? start.AddDays(400)).DayNumber - start.DayNumber;
        var from = start;
        for (var e = 0; e < count; e++)
        {
            var last = e == count - 1;
            var to = last ? end : from.AddDays(Math.Max(1, span / count));
            episodes.Add(new CareEpisode
            {
                Start = from, ReasonForNewEpisode = e == 0 ? ReasonForNewEpisode.S : ReasonForNewEpisode.P,
                LegalStatus = LegalStatus.C2, Placement = PlacementType.U1, End = to,
                ReasonCeased = to is null ? null : last ? ReasonEpisodeCeased.E4A : ReasonEpisodeCeased.X1,
            });
            if (to is null) break;
            from = to.Value;
        }
    }

    private static void AddReviews(Random random, List<DateOnly> reviews, DateOnly start, DateOnly until)
    {
        var next = start.AddDays(random.Next(20, 35));
        var interval = 3;
        while (next <= until)
        {
            reviews.Add(next);
            next = next.AddMonths(interval).AddDays(random.Next(-20, 10));
            interval = 6;
        }
    }
}
