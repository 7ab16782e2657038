using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Iro.Web.Data;

/// <summary>Moves the <see cref="DataVersion"/> with any save that adds, changes or deletes a watched record.</summary>
public sealed class DataVersionInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        MoveIfWatchedChanged(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        MoveIfWatchedChanged(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void MoveIfWatchedChanged(DbContext? context)
    {
        if (context is not IroDbContext) return;
        if (context.ChangeTracker.AutoDetectChangesEnabled) context.ChangeTracker.DetectChanges();
        if (context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && DataVersion.IsWatched(e.Metadata.ClrType)))
            DataVersion.MoveWithChanges(context);
    }
}
