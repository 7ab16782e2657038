using System.Linq.Expressions;
using Iro.Domain.Children;

namespace Iro.Domain.Rules;

/// <summary>
/// "Allocation current on a date", the one definition of a child's named IRO on a day: the allocation had begun
/// and had not ended before that day (an allocation ending on a date still covers that date).
/// </summary>
public static class AllocationRules
{
    private static readonly Expression<Func<IroAllocation, DateOnly, bool>> CurrentRule =
        (a, on) => a.From <= on && (a.To == null || a.To >= on);

    private static readonly Func<IroAllocation, DateOnly, bool> Current = CurrentRule.Compile();

    public static Expression<Func<IroAllocation, bool>> CurrentOn(DateOnly on) => CurrentRule.Bind(on);

    public static IQueryable<IroAllocation> CurrentOn(this IQueryable<IroAllocation> allocations, DateOnly on) =>
        allocations.Where(CurrentOn(on));

    /// <summary>The child had a current allocation on the date that also meets <paramref name="which"/>.</summary>
    public static Expression<Func<Child, bool>> AllocatedOn(DateOnly on, Expression<Func<IroAllocation, bool>> which) =>
        Predicate.Any<Child, IroAllocation>(c => c.IroAllocations, CurrentOn(on).And(which));

    public static bool IsCurrentOn(this IroAllocation allocation, DateOnly on) => Current(allocation, on);
}
