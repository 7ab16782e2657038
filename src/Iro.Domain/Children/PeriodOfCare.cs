namespace Iro.Domain.Children;

/// <summary>A continuous period of being looked after, made of one or more episodes.</summary>
public sealed record PeriodOfCare(DateOnly Start, DateOnly? End, IReadOnlyList<CareEpisode> Episodes)
{
    public bool IsOpen => End is null;

    public bool Covers(DateOnly date) => date >= Start && (End is null || date <= End);
}
