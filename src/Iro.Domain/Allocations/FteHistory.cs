namespace Iro.Domain.Allocations;

/// <summary>A change of an IRO's full-time equivalence, effective from a date.</summary>
public sealed record FteChange(DateOnly EffectiveFrom, decimal Fte);

/// <summary>An IRO's FTE is effective-dated: the latest change on or before a date applies, else the FTE they started with.</summary>
public static class FteHistory
{
    public static decimal FteOn(decimal startingFte, IEnumerable<FteChange> changes, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return changes.Where(c => c.EffectiveFrom <= date).MaxBy(c => c.EffectiveFrom)?.Fte ?? startingFte;
    }

    /// <summary>In post on a date: started on or before it, and no end date or an end date after it.</summary>
    public static bool InPostOn(DateOnly start, DateOnly? end, DateOnly date) => start <= date && (end is null || end > date);
}
