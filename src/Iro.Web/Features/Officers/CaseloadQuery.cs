using Iro.Domain.Officers;
using Iro.Domain.Rules;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Officers;

/// <summary>
/// IROs with their current caseloads. A caseload counts the children looked after today who are allocated to
/// the IRO today: the same children the IRO's home page and children list show.
/// </summary>
public sealed class CaseloadQuery(IroDbContext db)
{
    /// <summary>IRO Handbook good practice: 50-70 children per full-time IRO [S]; above this is flagged.</summary>
    public const decimal CaseloadPerFteWarning = 70m;

    /// <param name="IsCurrent">Working for the service today: started and not yet left.</param>
    public sealed record Row(int Id, string Name, Employment Employment, string? Agency, decimal Fte, DateOnly StartDate, DateOnly? EndDate, bool IsCurrent, int Caseload)
    {
        public decimal CaseloadPerFte => Fte == 0 ? 0 : Math.Round(Caseload / Fte, 1, MidpointRounding.AwayFromZero);
    }

    public async Task<IReadOnlyList<Row>> RunAsync(CurrentUser user, DateOnly today, CancellationToken ct)
    {
        var lookedAfter = db.Children.AsNoTracking().LookedAfterOn(today);
        var current = AllocationRules.CurrentOn(today);
        return await db.ReviewingOfficers.AsNoTracking().VisibleTo(user)
            .OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Employment, o.Agency, o.Fte, o.StartDate, o.EndDate,
                o.StartDate <= today && (o.EndDate == null || o.EndDate >= today),
                lookedAfter.Count(c => c.IroAllocations.AsQueryable().Where(current).Any(a => a.ReviewingOfficerId == o.Id))))
            .ToListAsync(ct);
    }

    /// <summary>The caseload of one IRO, as the list counts it.</summary>
    public Task<int> CaseloadOfAsync(int officerId, DateOnly today, CancellationToken ct) =>
        db.Children.AsNoTracking().LookedAfterOn(today)
            .CountAsync(AllocationRules.AllocatedOn(today, a => a.ReviewingOfficerId == officerId), ct);
}
