using Iro.Domain.Officers;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Agencies;

/// <summary>
/// The work of commissioned agencies' IROs, per agency, IRO and calendar month, for checking their invoices:
/// <list type="bullet">
/// <item>reviews chaired: held reviews (<see cref="ReviewQueries.IsHeld"/>) in the month with the IRO as chair;</item>
/// <item>midway reviews: those held in the month for a child allocated to the IRO on the day
/// (<see cref="AllocationRules"/>), because whoever typed a midway review in (often business support) is not
/// necessarily the IRO who did it;</item>
/// <item>children allocated at month end: children looked after on the month's last day (today for the current
/// month) whose allocation to the IRO covers that day, as the caseloads count them.</item>
/// </list>
/// An IRO is listed for a month when in post for part of it or with any of the three figures.
/// </summary>
public sealed class AgencyActivityQuery(IroDbContext db)
{
    /// <summary>The most months one request covers.</summary>
    public const int MaxMonths = 36;

    public sealed record Row(DateOnly Month, string Agency, int OfficerId, string Officer, string Email, int ReviewsChaired, int MidwayReviews, int ChildrenAllocatedAtMonthEnd);

    /// <param name="firstMonth">The first day of the first month.</param>
    /// <param name="lastMonth">The first day of the last month.</param>
    public async Task<IReadOnlyList<Row>> RunAsync(CurrentUser user, DateOnly firstMonth, DateOnly lastMonth, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var officers = await AgencyOfficers(user).AsNoTracking()
            .Select(o => new { o.Id, o.Name, o.Email, Agency = o.Agency!, o.StartDate, o.EndDate })
            .ToListAsync(ct);
        if (officers.Count == 0) return [];
        var ids = officers.Select(o => o.Id).ToList();
        var rangeEnd = lastMonth.AddMonths(1).AddDays(-1);

        var chaired = await db.Reviews.AsNoTracking().Held()
            .Where(r => r.ChairId != null && ids.Contains(r.ChairId.Value) && r.HeldOn >= firstMonth && r.HeldOn <= rangeEnd)
            .Select(r => new { OfficerId = r.ChairId!.Value, r.HeldOn })
            .ToListAsync(ct);

        var midways = await db.MidwayReviews.AsNoTracking()
            .Where(m => !m.IsDeleted && m.HeldOn >= firstMonth && m.HeldOn <= rangeEnd)
            .Select(m => new { m.ChildId, m.HeldOn })
            .ToListAsync(ct);
        var midwayChildren = midways.Select(m => m.ChildId).Distinct().ToList();
        var allocations = (await db.IroAllocations.AsNoTracking()
                .Where(a => midwayChildren.Contains(a.ChildId) && ids.Contains(a.ReviewingOfficerId))
                .ToListAsync(ct))
            .ToLookup(a => a.ChildId);
        var midwayBy = midways
            .SelectMany(m => allocations[m.ChildId].Where(a => a.IsCurrentOn(m.HeldOn)).Select(a => (a.ReviewingOfficerId, Month: MonthOf(m.HeldOn))))
            .CountBy(x => x)
            .ToDictionary(x => x.Key, x => x.Value);
        var chairedBy = chaired.CountBy(r => (r.OfficerId, Month: MonthOf(r.HeldOn))).ToDictionary(x => x.Key, x => x.Value);

        var rows = new List<Row>();
        for (var month = firstMonth; month <= lastMonth; month = month.AddMonths(1))
        {
            var monthEnd = month.AddMonths(1).AddDays(-1);
            var countOn = monthEnd < today ? monthEnd : today;
            var current = AllocationRules.CurrentOn(countOn);
            var allocated = countOn < month
                ? new Dictionary<int, int>()
                // From the agencies' current allocations to their children: far fewer rows than every child in the history.
                : await db.IroAllocations.AsNoTracking().Where(current)
                    .Where(a => ids.Contains(a.ReviewingOfficerId) && db.Children.LookedAfterOn(countOn).Any(c => c.Id == a.ChildId))
                    .GroupBy(a => a.ReviewingOfficerId)
                    .Select(g => new { OfficerId = g.Key, Children = g.Count() })
                    .ToDictionaryAsync(g => g.OfficerId, g => g.Children, ct);
            foreach (var o in officers)
            {
                var row = new Row(month, o.Agency, o.Id, o.Name, o.Email,
                    chairedBy.GetValueOrDefault((o.Id, month)), midwayBy.GetValueOrDefault((o.Id, month)), allocated.GetValueOrDefault(o.Id));
                var inPost = o.StartDate <= monthEnd && (o.EndDate is null || o.EndDate >= month);
                if (inPost || row.ReviewsChaired + row.MidwayReviews + row.ChildrenAllocatedAtMonthEnd > 0) rows.Add(row);
            }
        }

        return [.. rows.OrderBy(r => r.Month).ThenBy(r => r.Agency, StringComparer.Ordinal).ThenBy(r => r.Officer, StringComparer.Ordinal)];
    }

    /// <summary>Commissioned IROs: every agency's for service-wide roles, the coordinator's own agency's for a coordinator.</summary>
    private IQueryable<ReviewingOfficer> AgencyOfficers(CurrentUser user)
    {
        var commissioned = db.ReviewingOfficers.Where(o => o.Employment == Employment.Commissioned && o.Agency != null);
        return user.Scope switch
        {
            ChildScope.All => commissioned,
            ChildScope.Agency => commissioned.Where(o => o.Agency == user.Agency),
            _ => commissioned.Where(_ => false),
        };
    }

    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);
}
