using Iro.Domain.Allocations;
using Iro.Domain.Officers;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Caseloads;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Officers;

/// <summary>
/// IROs with their current caseloads, counted by <see cref="CaseloadSource"/>: the children looked after today
/// who are allocated to the IRO today, the same children the IRO's home page and children list show. An IRO
/// not in post today carries no caseload.
/// </summary>
public sealed class CaseloadQuery(IroDbContext db, CaseloadSource source)
{
    /// <param name="IsCurrent">In post today: started and not yet left.</param>
    /// <param name="Fte">The FTE in effect today (or on the IRO's last day, for one who has left).</param>
    public sealed record Row(int Id, string Name, Employment Employment, string? Agency, decimal Fte, DateOnly StartDate, DateOnly? EndDate, bool IsCurrent, int Caseload)
    {
        public decimal? CaseloadPerFte => new Caseload(1, Fte, Caseload).PerFte;
    }

    public async Task<IReadOnlyList<Row>> RunAsync(CurrentUser user, DateOnly today, CancellationToken ct)
    {
        var visible = await db.ReviewingOfficers.AsNoTracking().VisibleTo(user)
            .OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.Employment, o.Agency, o.StartDate, o.EndDate })
            .ToListAsync(ct);
        var snapshot = await source.OnAsync(today, ct);
        var inPost = snapshot.Officers.ToDictionary(o => o.OfficerId);
        var staff = (await source.StaffAsync(ct)).ToDictionary(s => s.OfficerId);
        return [.. visible.Select(o => inPost.TryGetValue(o.Id, out var caseload)
            ? new Row(o.Id, o.Name, o.Employment, o.Agency, caseload.Fte, o.StartDate, o.EndDate, true, caseload.Children)
            : new Row(o.Id, o.Name, o.Employment, o.Agency, staff[o.Id].FteOn(LastDayInPost(o.StartDate, o.EndDate, today)), o.StartDate, o.EndDate, false, 0))];
    }

    /// <summary>The caseload of one IRO, as the list counts it.</summary>
    public async Task<int> CaseloadOfAsync(int officerId, DateOnly today, CancellationToken ct) =>
        (await source.OnAsync(today, ct)).Officers.SingleOrDefault(o => o.OfficerId == officerId)?.Children ?? 0;

    private static DateOnly LastDayInPost(DateOnly start, DateOnly? end, DateOnly today) =>
        end is { } left && left <= today ? left.AddDays(-1) : today < start ? start : today;
}
