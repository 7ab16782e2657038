using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Reviews;

/// <summary>The write-audit entries for a set of entries, with the names of the people who made them.</summary>
public sealed class AuditTrailQuery(IroDbContext db)
{
    public sealed record Line(DateTimeOffset At, string Who, string Action, string What, string? OldValues, string? NewValues);

    public async Task<IReadOnlyList<Line>> ForAsync(IEnumerable<(string EntityType, string EntityKey)> entries, CancellationToken ct)
    {
        var wanted = entries.Select(e => e.EntityType + "#" + e.EntityKey).ToHashSet(StringComparer.Ordinal);
        var types = entries.Select(e => e.EntityType).Distinct().ToList();
        var keys = entries.Select(e => e.EntityKey).Distinct().ToList();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Action != "Read" && types.Contains(a.EntityType) && keys.Contains(a.EntityKey))
            .OrderBy(a => a.Id)
            .ToListAsync(ct);
        rows = [.. rows.Where(a => wanted.Contains(a.EntityType + "#" + a.EntityKey))];
        var userIds = rows.Select(r => r.UserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return [.. rows.Select(r => new Line(r.At, names.GetValueOrDefault(r.UserId, r.UserId), r.Action, r.EntityType + " " + r.EntityKey, r.OldValues, r.NewValues))];
    }
}
