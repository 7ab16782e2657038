using Iro.Domain.Children;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Children;

/// <summary>
/// Who has opened a child's record, and when: the read audit, for managers and administrators
/// (a Mosaic habit councils expect of any replacement).
/// </summary>
public sealed class RecordAccessQuery(IroDbContext db)
{
    public const int Shown = 25;

    /// <summary>Audit entity types that are reads of one child's record, keyed by the child's local id.</summary>
    private static readonly string[] ChildReads = [nameof(Child), "ReviewTimetable"];

    public sealed record Access(DateTimeOffset At, string Who, string What);

    public async Task<(IReadOnlyList<Access> Latest, int Total)> RunAsync(string localId, CancellationToken ct)
    {
        var reads = db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == "Read" && e.EntityKey == localId && ChildReads.Contains(e.EntityType));
        var total = await reads.CountAsync(ct);
        var latest = await reads
            .OrderByDescending(e => e.Id)
            .Take(Shown)
            .Select(e => new
            {
                e.At,
                e.EntityType,
                Who = db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName + " (" + u.Email + ")").FirstOrDefault() ?? e.UserId,
            })
            .ToListAsync(ct);
        return ([.. latest.Select(e => new Access(e.At, e.Who, e.EntityType == nameof(Child) ? "Opened the record" : "Read the review timetable (API)"))], total);
    }
}
