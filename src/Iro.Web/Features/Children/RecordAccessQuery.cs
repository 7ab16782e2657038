using Iro.Web.Audit;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Children;

/// <summary>
/// Who has opened a child's record, and what they opened, latest first: the read audit of every child-level
/// page, download and API route, for those who may view the audit (a Mosaic habit councils expect of any
/// replacement).
/// </summary>
public sealed class RecordAccessQuery(IroDbContext db)
{
    public const int Shown = 25;

    /// <summary>Audit entity types that are reads of one child's record, keyed by the child's local id.</summary>
    private static readonly string[] ChildReads = [AuditLog.ChildEntity, OpenedPage.LegacyTimetableEntity];

    public sealed record Access(DateTimeOffset At, string Who, string What);

    public async Task<(IReadOnlyList<Access> Latest, int Total)> RunAsync(string localId, CancellationToken ct)
    {
        var reads = db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditLog.ReadAction && e.EntityKey == localId && ChildReads.Contains(e.EntityType));
        var total = await reads.CountAsync(ct);
        var latest = await reads
            .OrderByDescending(e => e.Id)
            .Take(Shown)
            .Select(e => new
            {
                e.At,
                e.EntityType,
                e.NewValues,
                Who = db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName + " (" + u.Email + ")").FirstOrDefault() ?? e.UserId,
            })
            .ToListAsync(ct);
        return ([.. latest.Select(e => new Access(e.At, e.Who, OpenedPage.Describe(e.EntityType, e.NewValues)))], total);
    }
}
