using System.Globalization;
using Iro.Web.Audit;
using Iro.Web.Data;

namespace Iro.Web.Features;

/// <summary>
/// Writes a validated spreadsheet import: every new entry in one transaction, with one audit entry standing for
/// the bulk load instead of one per row (the rows are history brought in, not edits).
/// </summary>
public sealed class BulkImportWriter(IroDbContext db, AuditSwitch auditSwitch, TimeProvider clock)
{
    public async Task AddAsync<T>(string file, string action, IReadOnlyCollection<T> added, CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(added);
        if (added.Count == 0) return;
        using var bulkLoad = auditSwitch.Suspend();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Set<T>().AddRange(added);
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), UserId = WriteAuditInterceptor.SystemUser, Action = action, EntityType = typeof(T).Name,
            EntityKey = file.Length > 100 ? file[..100] : file,
            NewValues = $"{{\"added\":{added.Count.ToString(CultureInfo.InvariantCulture)}}}",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
