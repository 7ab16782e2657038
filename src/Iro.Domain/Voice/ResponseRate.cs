namespace Iro.Domain.Voice;

/// <summary>A survey campaign's response rate: responses ÷ children asked, a percentage to one decimal place, half up.</summary>
public sealed record ResponseRate(int Responses, int ChildrenAsked, decimal TargetPercent)
{
    /// <summary>The rate; null when nobody was asked.</summary>
    public decimal? Percent => ChildrenAsked == 0
        ? null
        : Math.Round(100m * Responses / ChildrenAsked, 1, MidpointRounding.AwayFromZero);

    public bool MeetsTarget => Percent >= TargetPercent;
}
