using System.Text.Json;
using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Timetable.Store;

/// <summary>
/// Writes to the queue of children whose materialised timetable must be recomputed. Every enqueue gives the entry a
/// new stamp (an upsert), so a recompute that read an older stamp leaves the entry for the next run. The statements
/// run on the context's current transaction, so they commit or roll back with the change that caused them.
/// </summary>
public static class TimetableQueueing
{
    /// <summary>
    /// The records a child's timetable is computed from (its episodes and reviews), its IRO allocations (which decide
    /// whether it is listed as due, <see cref="TimetableStateCaseload"/>), and the child itself.
    /// </summary>
    public static bool IsWatched(Type clrType) =>
        clrType == typeof(CareEpisode) || clrType == typeof(Review) || clrType == typeof(IroAllocation) || clrType == typeof(Child);

    /// <summary>Queues the children (those that exist) for a recompute.</summary>
    public static Task EnqueueAsync(IroDbContext db, IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(childIds);
        return childIds.Count == 0 ? Task.CompletedTask : db.Database.ExecuteSqlRawAsync(EnqueueSql(db), EnqueueParameters(db, childIds), ct);
    }

    /// <inheritdoc cref="EnqueueAsync"/>
    public static void Enqueue(IroDbContext db, IReadOnlyCollection<int> childIds)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(childIds);
        if (childIds.Count > 0) db.Database.ExecuteSqlRaw(EnqueueSql(db), EnqueueParameters(db, childIds));
    }

    /// <summary>Queues every child: the timetable context changed.</summary>
    public static Task EnqueueAllAsync(IroDbContext db, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "TimetableRecomputes" ("ChildId", "Stamp") SELECT "Id", {0} FROM "Children" WHERE TRUE
            ON CONFLICT ("ChildId") DO UPDATE SET "Stamp" = excluded."Stamp"
            """,
            [StampValue(db, Guid.NewGuid())], ct);

    /// <summary>
    /// Called by <see cref="BulkInsert"/> for rows it inserted without the change tracker: their children are queued.
    /// Inserted children's keys are not read back, so every child with no timetable state yet is queued instead.
    /// </summary>
    public static Task EnqueueInsertedAsync(IroDbContext db, Type clrType, IReadOnlyList<object> entities, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entities);
        if (clrType == typeof(Child))
        {
            return db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "TimetableRecomputes" ("ChildId", "Stamp") SELECT c."Id", {0} FROM "Children" c
                WHERE NOT EXISTS (SELECT 1 FROM "ChildTimetableStates" s WHERE s."ChildId" = c."Id")
                ON CONFLICT ("ChildId") DO UPDATE SET "Stamp" = excluded."Stamp"
                """,
                [StampValue(db, Guid.NewGuid())], ct);
        }

        var ids = entities.Select(e => e switch
        {
            CareEpisode episode => episode.ChildId,
            Review review => review.ChildId,
            IroAllocation allocation => allocation.ChildId,
            _ => (int?)null,
        }).OfType<int>().ToHashSet();
        return EnqueueAsync(db, ids, ct);
    }

    /// <summary>Removes the entries read for a recompute, unless enqueued again since (their stamp changed).</summary>
    internal static Task<int> DequeueAsync(IroDbContext db, IReadOnlyList<TimetableRecompute> read, CancellationToken ct)
    {
        var ids = read.Select(q => q.ChildId).ToArray();
        var stamps = read.Select(q => q.Stamp).Distinct().ToArray();
        return db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlRawAsync("""DELETE FROM "TimetableRecomputes" WHERE "ChildId" = ANY({0}) AND "Stamp" = ANY({1})""", [ids, stamps], ct)
            : db.Database.ExecuteSqlRawAsync(
                """
                DELETE FROM "TimetableRecomputes" WHERE "ChildId" IN (SELECT value FROM json_each({0}))
                AND "Stamp" IN (SELECT value FROM json_each({1}))
                """,
                [JsonSerializer.Serialize(ids), JsonSerializer.Serialize(stamps.Select(s => (string)StampValue(db, s)))], ct);
    }

    private static string EnqueueSql(IroDbContext db) =>
        db.Database.IsNpgsql()
            ? """
              INSERT INTO "TimetableRecomputes" ("ChildId", "Stamp") SELECT c."Id", {1} FROM "Children" c WHERE c."Id" = ANY({0})
              ON CONFLICT ("ChildId") DO UPDATE SET "Stamp" = excluded."Stamp"
              """
            : """
              INSERT INTO "TimetableRecomputes" ("ChildId", "Stamp") SELECT c."Id", {1} FROM "Children" c
              WHERE c."Id" IN (SELECT value FROM json_each({0}))
              ON CONFLICT ("ChildId") DO UPDATE SET "Stamp" = excluded."Stamp"
              """;

    private static object[] EnqueueParameters(IroDbContext db, IReadOnlyCollection<int> childIds) =>
        db.Database.IsNpgsql()
            ? [childIds.ToArray(), Guid.NewGuid()]
            : [JsonSerializer.Serialize(childIds), StampValue(db, Guid.NewGuid())];

    // SQLite keeps GUIDs as upper-case text (as EF Core writes them); a raw parameter would otherwise be bound as a blob.
    private static object StampValue(IroDbContext db, Guid stamp) =>
        db.Database.IsNpgsql() ? stamp : stamp.ToString().ToUpperInvariant();
}
