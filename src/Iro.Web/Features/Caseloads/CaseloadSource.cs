using Iro.Domain.Allocations;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Caseloads;

/// <summary>
/// Caseloads on any dates (<see cref="CaseloadCalculator"/>), from one read of the IROs, the episodes and the
/// allocations that touch the dates: the only place caseloads are counted, for the dashboard, the IRO pages,
/// the IRO list, the home page and <c>iro caseloads</c>. Service-wide: callers show only what the user may see.
/// </summary>
public sealed class CaseloadSource(IroDbContext db)
{
    public async Task<CaseloadSnapshot> OnAsync(DateOnly date, CancellationToken ct) => (await OnAsync([date], ct))[0];

    /// <summary>A snapshot per date, in the order given.</summary>
    public async Task<IReadOnlyList<CaseloadSnapshot>> OnAsync(IReadOnlyList<DateOnly> dates, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dates);
        if (dates.Count == 0) return [];
        var first = dates.Min();
        var last = dates.Max();
        var staff = await StaffAsync(ct);
        var episodes = await db.CareEpisodes.AsNoTracking()
            .Where(e => e.Start <= last && (e.End == null || e.End > first))
            .Select(e => new CareSpan(e.ChildId, e.Start, e.End))
            .ToListAsync(ct);
        var allocations = await db.IroAllocations.AsNoTracking()
            .Where(a => a.From <= last && (a.To == null || a.To > first))
            .Select(a => new AllocatedSpan(a.ChildId, a.ReviewingOfficerId, a.From, a.To))
            .ToListAsync(ct);
        return CaseloadCalculator.On(dates, staff, episodes, allocations);
    }

    /// <summary>Every IRO with their FTE history.</summary>
    public async Task<IReadOnlyList<StaffRecord>> StaffAsync(CancellationToken ct)
    {
        var officers = await db.ReviewingOfficers.AsNoTracking()
            .Select(o => new { o.Id, o.Employment, o.StartDate, o.EndDate, o.Fte })
            .ToListAsync(ct);
        var changes = (await db.OfficerFteChanges.AsNoTracking()
                .Select(c => new { c.ReviewingOfficerId, c.EffectiveFrom, c.Fte })
                .ToListAsync(ct))
            .ToLookup(c => c.ReviewingOfficerId, c => new FteChange(c.EffectiveFrom, c.Fte));
        return [.. officers.Select(o => new StaffRecord(o.Id, o.Employment, o.StartDate, o.EndDate, o.Fte, [.. changes[o.Id]]))];
    }
}
