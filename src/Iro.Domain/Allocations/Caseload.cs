namespace Iro.Domain.Allocations;

/// <summary>Where a caseload per FTE stands against the band (IRO Handbook: 50 to 70 children per full-time IRO).</summary>
public enum BandPosition { Under, Within, Over }

/// <summary>The caseload band, configurable; both ends are inside it.</summary>
public sealed record CaseloadBand(decimal Min = 50, decimal Max = 70)
{
    public BandPosition PositionOf(decimal perFte) =>
        perFte < Min ? BandPosition.Under : perFte > Max ? BandPosition.Over : BandPosition.Within;
}

/// <summary>
/// Children per full-time equivalent for a group of IROs on a date: the children looked after and allocated to
/// them, divided by the FTE of those in post, to one decimal place rounded half up (null when there is no FTE).
/// </summary>
public sealed record Caseload(int Headcount, decimal Fte, int Children)
{
    public decimal? PerFte => Fte <= 0 ? null : Math.Round(Children / Fte, 1, MidpointRounding.AwayFromZero);

    public static Caseload Sum(IEnumerable<Caseload> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        return new(list.Sum(p => p.Headcount), list.Sum(p => p.Fte), list.Sum(p => p.Children));
    }
}
