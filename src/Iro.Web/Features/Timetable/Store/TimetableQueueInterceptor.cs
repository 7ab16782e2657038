using Iro.Domain.Children;
using Iro.Domain.Reviews;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Iro.Web.Features.Timetable.Store;

/// <summary>
/// Queues the child of every added, changed or deleted episode, review, IRO allocation and child for a timetable
/// recompute (allocations decide who is listed as due, <see cref="TimetableStateCaseload"/>), in the
/// same transaction as the save: when the save has none, one is opened here and committed after it. Deleted
/// children are not queued (their stored timetable goes with them); added ones are queued through the change tracker,
/// their keys being unknown until saved. Scoped, like the context: it carries its transaction from saving to saved.
/// </summary>
public sealed class TimetableQueueInterceptor : SaveChangesInterceptor
{
    private IDbContextTransaction? _ownTransaction;
    private int _depth;
    private int _ownDepth;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        _depth++;
        if (eventData.Context is IroDbContext db && Collect(db) is { } ids)
        {
            if (db.Database.CurrentTransaction is null) Own(db.Database.BeginTransaction());
            TimetableQueueing.Enqueue(db, ids);
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _depth++;
        if (eventData.Context is IroDbContext db && Collect(db) is { } ids)
        {
            if (db.Database.CurrentTransaction is null) Own(await db.Database.BeginTransactionAsync(cancellationToken));
            await TimetableQueueing.EnqueueAsync(db, ids, cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Ending() is { } transaction)
        {
            using (transaction) transaction.Commit();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Ending() is { } transaction)
        {
            await using (transaction) await transaction.CommitAsync(cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => RollBack();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        RollBackAsync(cancellationToken);

    public override void SaveChangesCanceled(DbContextEventData eventData) => RollBack();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        RollBackAsync(cancellationToken);

    private void RollBack()
    {
        if (Ending() is { } transaction)
        {
            using (transaction) transaction.Rollback();
        }
    }

    private async Task RollBackAsync(CancellationToken ct)
    {
        if (Ending() is { } transaction)
        {
            await using (transaction) await transaction.RollbackAsync(ct);
        }
    }

    private void Own(IDbContextTransaction transaction)
    {
        _ownTransaction = transaction;
        _ownDepth = _depth;
    }

    /// <summary>The transaction opened by this save, when the save (not one nested in it) is ending.</summary>
    private IDbContextTransaction? Ending()
    {
        var depth = _depth--;
        if (_ownTransaction is null || depth != _ownDepth) return null;
        var transaction = _ownTransaction;
        _ownTransaction = null;
        return transaction;
    }

    /// <summary>The existing children to queue (null when none); added children are queued through the tracker.</summary>
    private static HashSet<int>? Collect(IroDbContext db)
    {
        if (db.ChangeTracker.AutoDetectChangesEnabled) db.ChangeTracker.DetectChanges();
        var ids = new HashSet<int>();
        var deletedChildren = new HashSet<int>();
        List<Child>? added = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case Child child when entry.State == EntityState.Added:
                    (added ??= []).Add(child);
                    break;
                case Child child when entry.State == EntityState.Deleted:
                    deletedChildren.Add(child.Id);
                    break;
                case Child child:
                    ids.Add(child.Id);
                    break;
                case CareEpisode or Review or IroAllocation:
                    AddChildIds(entry, ids);
                    break;
            }
        }

        foreach (var child in added ?? [])
        {
            if (!db.ChangeTracker.Entries<TimetableRecompute>().Any(q => ReferenceEquals(q.Entity.Child, child)))
                db.Add(new TimetableRecompute { Child = child, Stamp = Guid.NewGuid() });
        }

        ids.ExceptWith(deletedChildren);
        return ids.Count == 0 ? null : ids;
    }

    /// <summary>The child before and after the change; a child added in the same save (temporary key) is skipped.</summary>
    private static void AddChildIds(EntityEntry entry, HashSet<int> ids)
    {
        var property = entry.Property(nameof(CareEpisode.ChildId));
        if (!property.IsTemporary && property.CurrentValue is int current) ids.Add(current);
        if (entry.State == EntityState.Modified && property.OriginalValue is int original) ids.Add(original);
    }
}
