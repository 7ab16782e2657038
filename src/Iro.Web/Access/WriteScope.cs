using Iro.Domain.Children;
using Iro.Domain.Rules;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Access;

/// <summary>
/// Which visible children a user may change (notes, decisions, reviews, letters, requests: every POST on a
/// child-level route). Narrower than who may read them (<see cref="ChildAccess"/>), and enforced once, by
/// <see cref="ChildContextMiddleware"/>, before any handler runs.
/// <list type="bullet">
/// <item>Service-wide roles: every child.</item>
/// <item>An IRO: a child allocated to them today. Once a child has left care, also the IRO who held the
/// allocation to the end of the last period of care, for <see cref="MonthsAfterCare"/> months after it ended, so
/// they can finish the last review's record and letter. A child who has moved to another IRO is read-only.</item>
/// <item>An agency coordinator: the children allocated today to the agency's IROs, and those referred to the
/// agency and not yet allocated (the ones they see).</item>
/// </list>
/// </summary>
public static class WriteScope
{
    /// <summary>How long after a child leaves care their last IRO may still complete the record.</summary>
    public const int MonthsAfterCare = 3;

    /// <summary>Whether the user may change the records of the child with these allocations and episodes, today.</summary>
    public static bool Allows(CurrentUser user, IEnumerable<IroAllocation> allocations, IReadOnlyCollection<CareEpisode> episodes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(allocations);
        return user.Scope switch
        {
            ChildScope.All => true,
            ChildScope.Officer => allocations.Any(a => a.ReviewingOfficerId == user.ReviewingOfficerId
                && (a.IsCurrentOn(today) || HeldToTheEndOfCare(a, episodes, today))),
            ChildScope.Agency => allocations.Any(a => a.IsCurrentOn(today) && a.ReviewingOfficer?.Agency == user.Agency),
            _ => false,
        };
    }

    /// <summary>Loads what the rule needs for one child (its allocations and episode dates) and applies it.</summary>
    public static async Task<bool> AllowsAsync(IroDbContext db, CurrentUser user, int childKey, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        if (user.Scope == ChildScope.All) return true;
        // A child referred to the agency and not yet allocated: the coordinator allocates one of the agency's IROs.
        if (user.Scope == ChildScope.Agency && await db.AgencyReferrals.AnyAsync(r => r.ChildId == childKey && r.ClosedOn == null && r.Agency == user.Agency, ct))
            return true;
        var allocations = await db.IroAllocations.AsNoTracking().Include(a => a.ReviewingOfficer).Where(a => a.ChildId == childKey).ToListAsync(ct);
        var episodes = await db.CareEpisodes.AsNoTracking().Where(e => e.ChildId == childKey)
            .Select(e => new CareEpisode { Start = e.Start, End = e.End }).ToListAsync(ct);
        return Allows(user, allocations, episodes, user.Today);
    }

    /// <summary>
    /// The child has left care (no episode open or still to come), the allocation ran to the end of the last
    /// period of care, and that end is recent enough for the record still to be finished.
    /// </summary>
    private static bool HeldToTheEndOfCare(IroAllocation allocation, IReadOnlyCollection<CareEpisode> episodes, DateOnly today)
    {
        if (allocation.To is not { } to || episodes.Count == 0 || episodes.Any(e => e.End is null || e.IsOpenOn(today))) return false;
        var leftCare = episodes.Max(e => e.End!.Value);
        return allocation.From <= leftCare && to >= leftCare && today <= leftCare.AddMonths(MonthsAfterCare);
    }
}
