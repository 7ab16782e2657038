namespace Iro.Domain.Children;

/// <summary>
/// A continuous period of being looked after, made of one or more episodes; or, when
/// <see cref="IsShortBreakSeries"/> is true, a series of short breaks (legal status V3/V4) treated as one
/// period from the first break.
/// </summary>
public sealed record PeriodOfCare(DateOnly Start, DateOnly? End, IReadOnlyList<CareEpisode> Episodes)
{
    public bool IsOpen => End is null;

    /// <summary>True for a series of short breaks (CPPCR reg 48), whose End is the end of its last break.</summary>
    public bool IsShortBreakSeries { get; init; }

    public bool Covers(DateOnly date) => date >= Start && (End is null || date <= End);
}
