using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Voice;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Voice;

public class PlacementMovesTests
{
    public static TheoryData<string, CareEpisode[], DateOnly[]> Cases => new()
    {
        { "one episode: no move", [Ep("2025-01-10")], [] },
        {
            "change of placement (P) and of placement and legal status (B)",
            [Ep("2025-01-10", "2025-03-01"), Ep("2025-03-01", "2025-06-01", ReasonForNewEpisode.P), Ep("2025-06-01", null, ReasonForNewEpisode.B)],
            Ds("2025-03-01", "2025-06-01")
        },
        {
            "a change of legal status only (L) is not a move",
            [Ep("2025-01-10", "2025-03-01"), Ep("2025-03-01", null, ReasonForNewEpisode.L)],
            []
        },
        {
            "into a temporary placement and back to the same home: neither is a move",
            [Ep("2025-01-10", "2025-03-01"), Ep("2025-03-01", "2025-03-15", ReasonForNewEpisode.P, place: PlacementType.T3), Ep("2025-03-15", null, ReasonForNewEpisode.P)],
            []
        },
        {
            "episodes out of order are put in date order; T and U (with other changes) are moves",
            [Ep("2025-06-01", null, ReasonForNewEpisode.U), Ep("2025-01-10", "2025-03-01"), Ep("2025-03-01", "2025-06-01", ReasonForNewEpisode.T)],
            Ds("2025-03-01", "2025-06-01")
        },
        {
            "a new period of care (S) is not a move",
            [Ep("2024-01-10", "2024-03-01"), Ep("2025-01-01", null, ReasonForNewEpisode.S)],
            []
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Moves_are_new_episodes_with_a_change_of_placement(string because, CareEpisode[] episodes, DateOnly[] moves)
    {
        Assert.True(moves.SequenceEqual(PlacementMoves.MoveDates(episodes)), because);
    }

    [Theory]
    // Moves on 1 Dec 2025, 1 Mar 2026 and 27 Nov 2026: the 12 months to 27 Nov 2026 start after 27 Nov 2025.
    [InlineData("2026-11-27", 3)]
    [InlineData("2026-11-26", 2)]
    [InlineData("2026-12-01", 2)]
    [InlineData("2027-03-01", 1)]
    public void Moves_in_the_12_months_to_a_date(string asOf, int count)
    {
        CareEpisode[] episodes =
        [
            Ep("2025-06-01", "2025-12-01"), Ep("2025-12-01", "2026-03-01", ReasonForNewEpisode.P),
            Ep("2026-03-01", "2026-11-27", ReasonForNewEpisode.P), Ep("2026-11-27", null, ReasonForNewEpisode.P),
        ];
        Assert.Equal(count, PlacementMoves.CountInYearTo(episodes, D(asOf)));
    }
}
