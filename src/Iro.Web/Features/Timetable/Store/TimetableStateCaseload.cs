using Iro.Domain.Children;
using Iro.Domain.Rules;
using Iro.Domain.Timetable;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Timetable.Store;

/// <summary>
/// The state columns that depend on more than the timetable (episodes open on the day, allocations current on it):
/// set in the database with the same rules every other query uses, in the transaction that writes the states, so the
/// service-wide pages read them instead of evaluating the rules per child on every request.
/// </summary>
public static class TimetableStateCaseload
{
    /// <summary>Sets <see cref="ChildTimetableState.LookedAfter"/> and <see cref="ChildTimetableState.OnDueList"/> of the children as at <paramref name="today"/>.</summary>
    public static Task<int> ApplyAsync(IroDbContext db, IReadOnlyCollection<int> childIds, DateOnly today, TimetableOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        var lookedAfter = CareRules.LookedAfterOn(today);
        // Cheap bound, wider than "looked after today": an episode open, or ended recently enough for a short-break
        // series still to run.
        var recently = CareRules.LookedAfterDuring(today.AddMonths(-options.ShortBreakSeriesLapseMonths), today);
        var allocated = AllocationRules.AllocatedOn(today, _ => true);
        var children = db.Children;
        return db.ChildTimetableStates.Where(s => childIds.Contains(s.ChildId)).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.LookedAfter, s => children.Where(c => c.Id == s.ChildId).Any(lookedAfter))
            // Between short breaks the child is not in care; the series still runs while an IRO is allocated.
            // Without one, the breaks have ended and the child is no longer looked after.
            .SetProperty(s => s.OnDueList, s => s.InPeriod
                && children.Where(c => c.Id == s.ChildId).Any(recently)
                && (children.Where(c => c.Id == s.ChildId).Any(lookedAfter)
                    || (s.Regime == ReviewRegime.ShortBreak && children.Where(c => c.Id == s.ChildId).Any(allocated)))), ct);
    }
}
