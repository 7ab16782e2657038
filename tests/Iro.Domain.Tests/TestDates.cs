using System.Globalization;
using Iro.Domain.Children;
using Iro.Domain.Codes;

namespace Iro.Domain.Tests;

internal static class TestDates
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? N(string? iso) => iso is null ? null : D(iso);

    public static CareEpisode Ep(
        string start,
        string? end = null,
        ReasonForNewEpisode rne = ReasonForNewEpisode.S,
        ReasonEpisodeCeased? rec = null,
        LegalStatus ls = LegalStatus.C2,
        PlacementType place = PlacementType.U6) => new()
        {
            Start = D(start),
            End = N(end),
            ReasonForNewEpisode = rne,
            ReasonCeased = end is null ? null : rec ?? ReasonEpisodeCeased.E4A,
            LegalStatus = ls,
            Placement = place,
            CategoryOfNeed = CategoryOfNeed.N1,
        };

    public static DateOnly[] Ds(params string[] isos) => [.. isos.Select(D)];
}
