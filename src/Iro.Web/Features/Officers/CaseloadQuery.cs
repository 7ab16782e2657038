using Iro.Domain.Officers;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Officers;

/// <summary>IROs with their current caseloads. Caseload counts current allocations of children looked after today.</summary>
public sealed class CaseloadQuery(IroDbContext db)
{
    /// <summary>IRO Handbook good practice: 50-70 children per full-time IRO [S]; above this is flagged.</summary>
    public const decimal CaseloadPerFteWarning = 70m;

    public sealed record Row(int Id, string Name, Employment Employment, string? Agency, decimal Fte, DateOnly? EndDate, int Caseload)
    {
        public decimal CaseloadPerFte => Fte == 0 ? 0 : Math.Round(Caseload / Fte, 1, MidpointRounding.AwayFromZero);
    }

    public async Task<IReadOnlyList<Row>> RunAsync(CurrentUser user, DateOnly today, CancellationToken ct) =>
        await db.ReviewingOfficers.AsNoTracking().VisibleTo(user)
            .OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.Employment, o.Agency, o.Fte, o.EndDate,
                o.Allocations.Count(a => a.From <= today && (a.To == null || a.To >= today)
                    && a.Child!.Episodes.Any(e => e.Start <= today && (e.End == null || e.End > today)))))
            .ToListAsync(ct);
}
