using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Interchange;

/// <summary>What 903 returns have been imported.</summary>
public static class ImportHistory
{
    /// <summary>
    /// 1 April of the earliest collection year imported, or null when no return has been imported. History
    /// before this date is not in the service, so timetables starting earlier are incomplete.
    /// </summary>
    public static async Task<DateOnly?> EarliestYearStartAsync(IroDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<Ssda903Import>().MinAsync(i => (DateOnly?)i.YearStart, ct);
    }

    public static async Task<IReadOnlyList<Ssda903Import>> RecentAsync(IroDbContext db, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<Ssda903Import>().AsNoTracking().OrderByDescending(i => i.Id).Take(count).ToListAsync(ct);
    }
}
