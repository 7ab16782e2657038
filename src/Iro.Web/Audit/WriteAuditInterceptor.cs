using System.Text.Json;
using System.Text.Json.Serialization;
using Iro.Domain;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Iro.Web.Audit;

/// <summary>
/// Keeps the append-only audit of every change to an <see cref="IAudited"/> entry (reviews, decisions, notes):
/// who, when, and the old and new values. Also stamps who created an entry (the one place that does), replaces
/// concurrency versions and turns deletes into soft deletes. The user is the <see cref="CurrentUser"/>, never
/// the request body; outside a signed-in request it is the system.
/// Scoped, like the context it serves, because it carries the changes between saving and saved.
/// </summary>
/// <remarks>
/// The current user is resolved when first needed rather than injected: reading the user record needs the
/// context this interceptor is part of.
/// </remarks>
public sealed class WriteAuditInterceptor(IServiceProvider services, TimeProvider clock, AuditSwitch auditSwitch, ChangeReason reason) : SaveChangesInterceptor
{
    public const string SystemUser = "system";

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    private List<PendingAudit>? _pending;
    private IDbContextTransaction? _ownTransaction;

    private Author? _author;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is IroDbContext && HasChanges(eventData.Context))
            _author ??= AuthorFrom(services.GetService<CurrentUserAccessor>()?.FindAsync().GetAwaiter().GetResult());
        if (Prepare(eventData.Context) is { } context) _ownTransaction ??= context.Database.BeginTransaction();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is IroDbContext && HasChanges(eventData.Context) && _author is null)
            _author = AuthorFrom(await (services.GetService<CurrentUserAccessor>()?.FindAsync(cancellationToken) ?? Task.FromResult<CurrentUser?>(null)));
        if (Prepare(eventData.Context) is { } context) _ownTransaction ??= await context.Database.BeginTransactionAsync(cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (TakeEntries(eventData.Context) is { } context)
        {
            context.SaveChanges();
            _ownTransaction?.Commit();
            EndTransaction();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (TakeEntries(eventData.Context) is { } context)
        {
            await context.SaveChangesAsync(cancellationToken);
            if (_ownTransaction is not null) await _ownTransaction.CommitAsync(cancellationToken);
            EndTransaction();
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        _pending = null;
        _ownTransaction?.Rollback();
        EndTransaction();
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending = null;
        if (_ownTransaction is not null) await _ownTransaction.RollbackAsync(cancellationToken);
        EndTransaction();
    }

    /// <summary>
    /// Free text of the review record is stored as its length was checked (<see cref="ReviewTextLimits.Normalise"/>),
    /// so a limit that fits the column on the form fits it in the database too. Every other text loses its control
    /// characters (<see cref="ReviewTextLimits.StripControlCharacters"/>), so none reaches a page, a download or a
    /// letter; the audit trail's own entries are left as written.
    /// </summary>
    private static void NormaliseText(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.Entity is not AuditEntry && e.State is EntityState.Added or EntityState.Modified))
        {
            Func<string, string> normalise = entry.Entity is IAudited ? ReviewTextLimits.Normalise : ReviewTextLimits.StripControlCharacters;
            foreach (var property in entry.Properties.Where(p => p.Metadata.ClrType == typeof(string) && p.CurrentValue is string))
            {
                var text = (string)property.CurrentValue!;
                var normalised = normalise(text);
                if (!string.Equals(text, normalised, StringComparison.Ordinal)) property.CurrentValue = normalised;
            }
        }
    }

    /// <summary>
    /// Captures the changes before they are saved (old values are lost afterwards). Returns the context when
    /// there is something to audit and no transaction is open yet, so the caller opens one: new rows' keys are
    /// only known after the save, and the audit rows must commit or fail with the change itself.
    /// </summary>
    private DbContext? Prepare(DbContext? context)
    {
        if (context is not IroDbContext || _pending is not null) return null;
        var author = _author ?? Author.System;
        var now = clock.GetUtcNow();
        StampCreations(context, author, now);
        NormaliseText(context);
        ColumnWidthGuard.Check(context);
        if (!auditSwitch.Enabled) return null;
        var pending = new List<PendingAudit>();
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.Entity is IAudited).ToList())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is IVersioned versioned && entry.State != EntityState.Added) versioned.Version = Guid.NewGuid();
            var action = entry.State switch
            {
                EntityState.Added => "Create",
                EntityState.Deleted => "Delete",
                _ when entry.Entity is ISoftDeletable { IsDeleted: true } && !(bool)entry.Property(nameof(ISoftDeletable.IsDeleted)).OriginalValue! => "Delete",
                _ => "Update",
            };
            if (entry.State == EntityState.Deleted && entry.Entity is ISoftDeletable)
            {
                entry.State = EntityState.Modified;
                entry.Property(nameof(ISoftDeletable.IsDeleted)).CurrentValue = true;
            }

            var changed = entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && p.Metadata.Name != nameof(IVersioned.Version)
                && (entry.State != EntityState.Modified || p.IsModified)).ToList();
            if (entry.State == EntityState.Modified && changed.Count == 0) continue;
            var oldValues = entry.State == EntityState.Added ? null : Serialize(changed, p => p.OriginalValue);
            pending.Add(new PendingAudit(entry, action, oldValues, changed));
        }

        if (pending.Count == 0) return null;
        _pending = pending;
        return context.Database.CurrentTransaction is null ? context : null;
    }

    /// <summary>
    /// Who created each new entry, from the signed-in user. Without one (the command line, background work)
    /// a name the caller already gave is kept, so loaded history keeps its authors.
    /// </summary>
    private static void StampCreations(DbContext context, Author author, DateTimeOffset now)
    {
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.State == EntityState.Added))
        {
            if (entry.Entity is IAttributed attributed)
            {
                attributed.CreatedByUserId = author.UserId;
                if (author.IsSignedIn || string.IsNullOrEmpty(attributed.CreatedByName)) attributed.CreatedByName = author.Name;
                attributed.CreatedAt = now;
            }

            if (entry.Entity is ICreationStamped stamped) stamped.StampCreation(author.UserId, author.Name, now);
        }
    }

    private static bool HasChanges(DbContext context)
    {
        if (context.ChangeTracker.AutoDetectChangesEnabled) context.ChangeTracker.DetectChanges();
        return context.ChangeTracker.HasChanges();
    }

    private static Author AuthorFrom(CurrentUser? user) => user is null ? Author.System : new Author(user.UserId, user.DisplayName, IsSignedIn: true);

    private IroDbContext? TakeEntries(DbContext? context)
    {
        if (context is not IroDbContext db || _pending is not { } pending) return null;
        _pending = null;
        var userId = (_author ?? Author.System).UserId;
        var now = clock.GetUtcNow();
        foreach (var p in pending)
        {
            db.AuditEntries.Add(new AuditEntry
            {
                At = now,
                UserId = userId,
                Action = p.Action,
                EntityType = p.Entry.Metadata.ClrType.Name,
                EntityKey = string.Join(",", p.Entry.Metadata.FindPrimaryKey()!.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue)),
                OldValues = p.OldValues,
                NewValues = p.Action == "Delete" ? null : Serialize(p.Changed, c => c.CurrentValue),
                Reason = reason.Text,
            });
        }

        return db;
    }

    private void EndTransaction()
    {
        _ownTransaction?.Dispose();
        _ownTransaction = null;
    }

    private static string Serialize(IEnumerable<PropertyEntry> properties, Func<PropertyEntry, object?> value) =>
        JsonSerializer.Serialize(properties.ToDictionary(p => p.Metadata.Name, value), Json);

    /// <summary>Who the changes are attributed to.</summary>
    private sealed record Author(string UserId, string Name, bool IsSignedIn)
    {
        public static readonly Author System = new(SystemUser, SystemUser, IsSignedIn: false);
    }

    private sealed record PendingAudit(EntityEntry Entry, string Action, string? OldValues, IReadOnlyList<PropertyEntry> Changed);
}
