using Iro.Domain.Drift;
using Iro.Domain.Rules;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Drift;

/// <summary>One child's drift items, with the child's current IRO.</summary>
public sealed record DriftChild(int Id, string LocalId, string Name, int? IroId, string? Iro, IReadOnlyList<DriftItem> Items)
{
    /// <summary>Days since the oldest item became due.</summary>
    public int OldestDays(DateOnly today) => Items.Count == 0 ? 0 : Items.Max(i => i.DaysOverdue(today));
}


/// <summary>
/// The drift list: the drift rules applied to every child in the user's current caseload. The service-wide list is
/// computed once per service day and data version (<see cref="DriftListCache"/>); each view reads the version,
/// keeps the children the user may see now (the access rule applied in the database, never trusted to the cache),
/// applies the filters and pages.
/// </summary>
public sealed class DriftQuery(IroDbContext db, DriftEvaluator evaluator, DriftListCache cache)
{
    /// <summary>
    /// Children with at least one item, ranked by the number of items, then by the age of the oldest, then by id.
    /// <paramref name="iroId"/> keeps the children whose IRO today it is; <paramref name="rule"/> keeps the items of one rule.
    /// </summary>
    public async Task<IReadOnlyList<DriftChild>> RunAsync(CurrentUser user, DateOnly today, int? iroId, string? rule, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var version = await DataVersion.CurrentAsync(db, ct);
        var service = cache.GetAsync(today, version);
        var children = db.Children.AsNoTracking().InCurrentCaseloadOf(user, today);
        if (iroId is { } iro) children = children.Where(AllocationRules.AllocatedOn(today, a => a.ReviewingOfficerId == iro));
        var visible = (await children.Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var mine = (await service.WaitAsync(ct)).Where(c => visible.Contains(c.Id));
        // The service list is ranked already; only keeping one rule's items changes the counts.
        return rule is null ? [.. mine] : Rank(mine.Select(c => c with { Items = [.. c.Items.Where(i => i.Rule == rule)] }), today);
    }

    /// <summary>One child's items, for the child record; the caller has already checked the child is visible.</summary>
    public async Task<IReadOnlyList<DriftItem>> ForChildAsync(int childId, DateOnly today, CancellationToken ct) =>
        (await evaluator.EvaluateAsync(db.Children.AsNoTracking().Where(c => c.Id == childId), today, ct)).SingleOrDefault()?.Items ?? [];

    /// <summary>Children with at least one item: most items first, then the oldest item, then by id.</summary>
    public static IReadOnlyList<DriftChild> Rank(IEnumerable<DriftChild> children, DateOnly today) =>
        [.. children.Where(c => c.Items.Count > 0)
            .OrderByDescending(c => c.Items.Count).ThenByDescending(c => c.OldestDays(today)).ThenBy(c => c.LocalId, StringComparer.Ordinal)];
}
