using System.Linq.Expressions;
using Iro.Domain.Children;

namespace Iro.Domain.Rules;

/// <summary>
/// "Allocation current on a date", the one definition of a child's named IRO on a day: an allocation covers
/// <c>From &lt;= date &lt; To</c>, with <c>To</c> empty while it is open. An allocation closed with its period of
/// care ends on the period's end date, the first day the child is no longer looked after.
/// </summary>
public static class AllocationRules
{
    private static readonly Expression<Func<IroAllocation, DateOnly, bool>> CurrentRule =
        (a, on) => a.From <= on && (a.To == null || a.To > on);

    private static readonly Func<IroAllocation, DateOnly, bool> Current = CurrentRule.Compile();

    public static Expression<Func<IroAllocation, bool>> CurrentOn(DateOnly on) => CurrentRule.Bind(on);

    public static IQueryable<IroAllocation> CurrentOn(this IQueryable<IroAllocation> allocations, DateOnly on) =>
        allocations.Where(CurrentOn(on));

    /// <summary>The child had a current allocation on the date that also meets <paramref name="which"/>.</summary>
    public static Expression<Func<Child, bool>> AllocatedOn(DateOnly on, Expression<Func<IroAllocation, bool>> which) =>
        Predicate.Any<Child, IroAllocation>(c => c.IroAllocations, CurrentOn(on).And(which));

    public static bool IsCurrentOn(this IroAllocation allocation, DateOnly on) => Current(allocation, on);
}
