using Iro.Web.Features.Interchange;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Data;

/// <summary>
/// One row whose stamp changes, in the same transaction, whenever a record of the service (anything but the app's
/// own bookkeeping) is added, changed or deleted. It lives in the database, not in memory, so every instance
/// of the app sees a change made through any other; a cache keyed by the stamp is never stale.
/// A new random stamp rather than a counter: writers never read it, so concurrent writers cannot lose a change.
/// </summary>
public sealed class DataVersion
{
    /// <summary>The key of the one row (created by the migration).</summary>
    public const int RowId = 1;

    public int Id { get; set; }
    public Guid Stamp { get; set; }

    /// <summary>
    /// The records whose changes do not move the version: the app's own bookkeeping, which no service page or
    /// derived list shows as data. Every other record moves it, so a result cached by the version
    /// (<see cref="VersionedResults"/>, the drift list) cannot outlive a change to anything it may have read.
    /// </summary>
    private static readonly HashSet<Type> Bookkeeping =
    [
        typeof(DataVersion), typeof(AuditEntry), typeof(Features.Account.UserSession), typeof(DataProtectionKey),
        typeof(Features.Scheduling.ScheduledWorkLease), typeof(ImportJobRecord), typeof(Features.AnnualReport.ReportDownload),
        typeof(Features.Timetable.Store.TimetabledReviewRow), typeof(Features.Timetable.Store.ChildTimetableState),
        typeof(Features.Timetable.Store.TimetableRecompute), typeof(Features.Timetable.Store.TimetableStamp),
    ];

    public static bool IsWatched(Type clrType) => !Bookkeeping.Contains(clrType);

    /// <summary>
    /// The current stamp: one single-row query, read on most requests (every result kept per data version asks), so
    /// compiled once rather than translated from its expression tree each time.
    /// </summary>
    public static Task<Guid> CurrentAsync(IroDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return CurrentStamp.For(db)(db, ct);
    }

    private static readonly CompiledPerModel<Func<IroDbContext, CancellationToken, Task<Guid>>> CurrentStamp = new(() => EF.CompileAsyncQuery(
        (IroDbContext db, CancellationToken ct) => db.Set<DataVersion>().AsNoTracking().Where(v => v.Id == RowId).Select(v => v.Stamp).Single()));

    /// <summary>
    /// Moves the version as part of the next SaveChanges (the same statement batch and transaction as the change):
    /// the row is attached, not read, so this costs no round trip.
    /// </summary>
    public static void MoveWithChanges(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var entry = context.ChangeTracker.Entries<DataVersion>().FirstOrDefault() ?? context.Attach(new DataVersion { Id = RowId });
        entry.Property(v => v.Stamp).CurrentValue = Guid.NewGuid();
        entry.Property(v => v.Stamp).IsModified = true;
    }

    /// <summary>Moves the version now, in the context's current transaction if any: for writes that bypass the change tracker.</summary>
    public static async Task MoveNowAsync(IroDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var stamp = Guid.NewGuid();
        await db.Set<DataVersion>().Where(v => v.Id == RowId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Stamp, stamp), ct);
    }
}
