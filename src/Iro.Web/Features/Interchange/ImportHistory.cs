using Iro.Domain.Reviews;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Interchange;

/// <summary>What 903 returns have been imported, and from when the service's review history is complete.</summary>
public static class ImportHistory
{
    /// <summary>1 April of the earliest collection year imported, or null when no return has been imported.</summary>
    public static async Task<DateOnly?> EarliestYearStartAsync(IroDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<Ssda903Import>().MinAsync(i => (DateOnly?)i.YearStart, ct);
    }

    /// <summary>
    /// The earliest date from which the data holds every review: null (complete) when no return has been
    /// imported; otherwise 1 April of the earliest imported year, or earlier when the data shows it. A return
    /// holds only its own year's reviews, so reviews held before that year were entered in the service (or by
    /// the demo), and their children's care is held in full: history is complete from the start of their
    /// earliest episode. Importing a return therefore never moves the start later than the data already held.
    /// </summary>
    public static async Task<DateOnly?> HistoryStartsOnAsync(IroDbContext db, CancellationToken ct)
    {
        if (await EarliestYearStartAsync(db, ct) is not { } imported) return null;
        var earlierReviews = db.Reviews.Held().Where(r => r.HeldOn < imported);
        var heldSince = await db.CareEpisodes
            .Where(e => earlierReviews.Any(r => r.ChildId == e.ChildId))
            .MinAsync(e => (DateOnly?)e.Start, ct);
        return heldSince is { } start && start < imported ? start : imported;
    }

    public static async Task<IReadOnlyList<Ssda903Import>> RecentAsync(IroDbContext db, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Set<Ssda903Import>().AsNoTracking().OrderByDescending(i => i.Id).Take(count).ToListAsync(ct);
    }
}
