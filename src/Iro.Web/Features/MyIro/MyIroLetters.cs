using Iro.Domain.Children;
using Iro.Domain.Rules;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.MyIro;

/// <summary>
/// Builds "My IRO" letters: the child's IRO is the one whose allocation covers today, and the next review is the
/// due date from the review timetable (the same one the child record shows).
/// </summary>
public sealed class MyIroLetters(IroDbContext db, TimetableService timetables)
{
    /// <summary>A letter and the child it is for.</summary>
    public sealed record ForChild(string ChildId, string ChildName, MyIroLetter Letter);

    /// <summary>The letter for one child; null when no IRO is allocated today.</summary>
    public async Task<ForChild?> ForChildAsync(int childKey, DateOnly today, CancellationToken ct) =>
        (await BuildAsync(db.Children.Where(c => c.Id == childKey), today, ct)).SingleOrDefault();

    /// <summary>
    /// Letters for the children in the user's scope whose current allocation (the one covering today) started
    /// between <paramref name="from"/> and <paramref name="to"/>, inclusive; for an IRO, only allocations to
    /// them. Ordered by IRO, then child.
    /// </summary>
    public Task<IReadOnlyList<ForChild>> NewlyAllocatedAsync(CurrentUser user, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var allocated = AllocationRules.CurrentOn(today).And(a => a.From >= from && a.From <= to);
        if (user.Scope == ChildScope.Officer) allocated = allocated.And(a => a.ReviewingOfficerId == user.ReviewingOfficerId);
        var children = db.Children.VisibleTo(user).Where(Predicate.Any<Child, IroAllocation>(c => c.IroAllocations, allocated));
        return BuildAsync(children, today, ct);
    }

    private async Task<IReadOnlyList<ForChild>> BuildAsync(IQueryable<Child> children, DateOnly today, CancellationToken ct)
    {
        var loaded = await children.AsNoTracking()
            .Include(Predicate.Where<Child, IroAllocation>(c => c.IroAllocations, AllocationRules.CurrentOn(today))).ThenInclude(a => a.ReviewingOfficer)
            .ToListAsync(ct);
        if (loaded.Count == 0) return [];
        var nextDue = (await timetables.LoadAsync(children, null, ct)).ToDictionary(e => e.Child.Id, e => e.Timetable.NextDueDate);
        return
        [
            .. loaded
                .Where(c => c.IroAllocations.Count > 0)
                .Select(c => (Child: c, Officer: c.IroAllocations[0].ReviewingOfficer!))
                .OrderBy(x => x.Officer.Name, StringComparer.Ordinal).ThenBy(x => x.Child.LocalId, StringComparer.Ordinal)
                .Select(x => new ForChild(x.Child.LocalId, x.Child.DisplayName, MyIroLetter.For(x.Child, x.Officer, nextDue.GetValueOrDefault(x.Child.Id), today))),
        ];
    }
}
