using System.Text.Json;
using Iro.Web.Data;

namespace Iro.Web.Audit;

/// <summary>Writes audit entries that are not changes to audited records: reads, and summaries of bulk work.</summary>
public sealed class AuditLog(IroDbContext db, TimeProvider clock, ReadAuditWriter reads)
{
    public const string ReadAction = "Read";
    public const string ChildEntity = "Child";

    /// <summary>
    /// A child-level page, download or API route was read: one entry per request, keyed by the child, with the
    /// address that was opened so "who has opened this record" can say what they looked at. Saved together with
    /// the reads of other requests arriving at the same time (<see cref="ReadAuditWriter"/>).
    /// </summary>
    public Task RecordChildReadAsync(string userId, string childLocalId, string opened, CancellationToken ct) =>
        reads.WriteAsync(new AuditEntry
        {
            At = clock.GetUtcNow(), UserId = userId, Action = ReadAction, EntityType = ChildEntity, EntityKey = childLocalId,
            NewValues = JsonSerializer.Serialize(new { opened }),
        }, ct);

    /// <summary>
    /// A download of personal data: one read entry per record in it (a child keyed as the child pages key it, so
    /// "who has opened this record" shows the download), with the address opened and the file's name. The
    /// entries are added together and saved in one batch.
    /// </summary>
    public async Task RecordDownloadAsync(string userId, string entityType, IEnumerable<string> keys, string opened, string download, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var at = clock.GetUtcNow();
        var values = JsonSerializer.Serialize(new { opened, download });
        db.AuditEntries.AddRange(keys.Distinct(StringComparer.Ordinal).Select(key => new AuditEntry
        {
            At = at, UserId = userId, Action = ReadAction, EntityType = entityType, EntityKey = key, NewValues = values,
        }));
        await db.SaveChangesAsync(ct);
    }

    public async Task RecordAsync(string userId, string action, string entityType, string entityKey, string? newValues, CancellationToken ct)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = userId,
            Action = action,
            EntityType = entityType,
            EntityKey = entityKey,
            NewValues = newValues,
        });
        await db.SaveChangesAsync(ct);
    }
}
