using System.Data.Common;
using Iro.Domain.Timetable;
using Iro.Web.Data;
using Iro.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Timetable.Store;

/// <summary>
/// Keeps the materialised timetable (<see cref="TimetabledReviewRow"/>, <see cref="ChildTimetableState"/>) equal to what
/// <see cref="TimetableService"/> computes now. Readers call <see cref="EnsureFreshAsync"/> before querying the tables:
/// queued children are recomputed, every child when the timetable context changed (its fingerprint differs), and when
/// the service day moved only the state columns, from each child's spans (and its episodes and allocations on the day,
/// <see cref="TimetableStateCaseload"/>). One instance refreshes at a time (a lease
/// row); the others wait for it and then find the store fresh.
/// </summary>
public sealed class TimetableStore(
    IroDbContext db,
    TimetableService timetables,
    TimetableStoreCoordinator coordinator,
    ScheduledWorkLeases leases,
    InstanceIdentity instance,
    IOptions<TimetableOptions> options,
    IOptions<TimetableSettings> settings,
    IOptions<TimetableStoreOptions> storeOptions,
    ILogger<TimetableStore> log)
{
    public const string LeaseName = "timetable-store";

    /// <summary>Long enough for a national recompute; a holder that stopped is replaced after it.</summary>
    private static readonly TimeSpan LeasePeriod = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan LeaseRetry = TimeSpan.FromMilliseconds(50);

    /// <summary>A batch that fails (a child deleted while it was recomputed) is read and written again.</summary>
    private const int Attempts = 3;

    private int BatchSize => Math.Max(1, storeOptions.Value.BatchSize);

    /// <summary>Brings the stored timetables up to date for the service day <paramref name="today"/>.</summary>
    public async Task EnsureFreshAsync(DateOnly today, CancellationToken ct)
    {
        if (await IsFreshAsync(await CurrentFingerprintAsync(ct), today, ct)) return;
        await coordinator.Gate.WaitAsync(ct);
        try
        {
            // Another request of this instance may have just refreshed it.
            if (await IsFreshAsync(await CurrentFingerprintAsync(ct), today, ct)) return;
            while (!await leases.TryTakeAsync(db, LeaseName, LeasePeriod, ct))
            {
                if (await IsFreshAsync(await CurrentFingerprintAsync(ct), today, ct)) return;
                await Task.Delay(LeaseRetry, ct);
            }

            try
            {
                await RefreshAsync(today, ct);
            }
            finally
            {
                await db.ScheduledWorkLeases.Where(l => l.Name == LeaseName && l.Holder == instance.Name).ExecuteDeleteAsync(CancellationToken.None);
            }
        }
        finally
        {
            coordinator.Gate.Release();
        }
    }

    private async Task<bool> IsFreshAsync(string fingerprint, DateOnly today, CancellationToken ct)
    {
        var stamp = await db.TimetableStamps.AsNoTracking().SingleAsync(s => s.Id == TimetableStamp.RowId, ct);
        return stamp.ContextFingerprint == fingerprint && stamp.AsOf == today && !await db.TimetableRecomputes.AnyAsync(ct);
    }

    /// <summary>The fingerprint of the context now; its data part is recomputed only when the data version moved.</summary>
    private async Task<string> CurrentFingerprintAsync(CancellationToken ct)
    {
        var version = await DataVersion.CurrentAsync(db, ct);
        var configured = settings.Value.HistoryStartsOn;
        if (coordinator.DataPartFor(version, configured) is not { } dataPart)
        {
            dataPart = await DataPartAsync(await timetables.HistoryStartsOnAsync(ct), ct);
            coordinator.Remember(version, configured, dataPart);
        }

        return TimetableFingerprint.Of(options.Value, dataPart);
    }

    /// <param name="historyStartsOn">The context's history start (the calendar is not needed to tell whether it changed).</param>
    private async Task<string> DataPartAsync(DateOnly? historyStartsOn, CancellationToken ct)
    {
        var holidays = await db.AddedBankHolidays.AsNoTracking().Select(h => new { h.Date, h.CancelsGeneratedHoliday }).ToListAsync(ct);
        return TimetableFingerprint.DataPart(holidays.Select(h => (h.Date, h.CancelsGeneratedHoliday)), historyStartsOn);
    }

    private async Task RefreshAsync(DateOnly today, CancellationToken ct)
    {
        // The context the rows are computed with, and the fingerprint stamped, are one and the same.
        var context = await timetables.ContextAsync(ct);
        var fingerprint = TimetableFingerprint.Of(context.Options, await DataPartAsync(context.HistoryStartsOn, ct));
        var stamp = await db.TimetableStamps.AsNoTracking().SingleAsync(s => s.Id == TimetableStamp.RowId, ct);
        if (stamp.ContextFingerprint != fingerprint)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await TimetableQueueing.EnqueueAllAsync(db, ct);
            await StampAsync(fingerprint, today, ct);
            await transaction.CommitAsync(ct);
            log.LogInformation("The timetable context changed: every child's timetable is recomputed");
        }
        else if (stamp.AsOf != today)
        {
            var rolled = await RollDayAsync(context, today, ct);
            await StampAsync(fingerprint, today, ct);
            log.LogInformation("Timetable states moved to {Today} for {Children} children", today, rolled);
        }

        var recomputed = await DrainAsync(context, today, ct);
        if (recomputed > 0) log.LogInformation("Recomputed the stored timetables of {Children} children", recomputed);
    }

    private Task<int> StampAsync(string fingerprint, DateOnly today, CancellationToken ct) =>
        db.TimetableStamps.Where(s => s.Id == TimetableStamp.RowId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ContextFingerprint, fingerprint).SetProperty(x => x.AsOf, today), ct);

    /// <summary>Recomputes the queued children, a batch at a time, until the queue is empty.</summary>
    private async Task<int> DrainAsync(TimetableContext context, DateOnly today, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var batch = 0;
            await WithRetryAsync(async () => batch = await RecomputeBatchAsync(context, today, ct), ct);
            if (batch == 0) return total;
            total += batch;
        }
    }

    private async Task<int> RecomputeBatchAsync(TimetableContext context, DateOnly today, CancellationToken ct)
    {
        var queued = await db.TimetableRecomputes.AsNoTracking().OrderBy(q => q.ChildId).Take(BatchSize)
            .Select(q => new TimetableRecompute { ChildId = q.ChildId, Stamp = q.Stamp })
            .ToListAsync(ct);
        if (queued.Count == 0) return 0;
        var ids = queued.Select(q => q.ChildId).ToList();
        // Read after the queue, so the data is at least as new as the entries removed below.
        var entries = await timetables.LoadAsync(db.Children.Where(c => ids.Contains(c.Id)), null, ct);
        var reviews = new List<object>();
        var states = new List<object>(entries.Count);
        foreach (var entry in entries)
        {
            foreach (var item in TimetableMaterialisation.Reviews(entry.Timetable))
                reviews.Add(TimetabledReviewRow.From(entry.Child.Id, entry.StoredFor(item.Review)?.Id, item));
            var summary = TimetableMaterialisation.Summarise(entry.Timetable);
            states.Add(ChildTimetableState.From(entry.Child.Id, summary, StateOn(summary.Spans, context, today)));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.TimetabledReviews.Where(r => ids.Contains(r.ChildId)).ExecuteDeleteAsync(ct);
        await db.ChildTimetableStates.Where(s => ids.Contains(s.ChildId)).ExecuteDeleteAsync(ct);
        await BulkInsert.InsertAsync(db, typeof(TimetabledReviewRow), reviews, ct);
        await BulkInsert.InsertAsync(db, typeof(ChildTimetableState), states, ct);
        await TimetableStateCaseload.ApplyAsync(db, ids, today, context.Options, ct);
        var removed = await TimetableQueueing.DequeueAsync(db, queued, ct);
        await transaction.CommitAsync(ct);
        // None removed: every child read was queued again meanwhile; the next refresh takes them.
        return removed;
    }

    /// <summary>Moves every state not yet on <paramref name="today"/> to it, from the stored spans alone.</summary>
    private async Task<int> RollDayAsync(TimetableContext context, DateOnly today, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var batch = 0;
            await WithRetryAsync(async () => batch = await RollBatchAsync(context, today, ct), ct);
            if (batch == 0) return total;
            total += batch;
        }
    }

    private async Task<int> RollBatchAsync(TimetableContext context, DateOnly today, CancellationToken ct)
    {
        var states = await db.ChildTimetableStates.AsNoTracking().Where(s => s.AsOf != today).OrderBy(s => s.ChildId).Take(BatchSize).ToListAsync(ct);
        if (states.Count == 0) return 0;
        foreach (var state in states) state.SetState(StateOn(state.Spans, context, today));
        var ids = states.Select(s => s.ChildId).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.ChildTimetableStates.Where(s => ids.Contains(s.ChildId)).ExecuteDeleteAsync(ct);
        await BulkInsert.InsertAsync(db, typeof(ChildTimetableState), states, ct);
        await TimetableStateCaseload.ApplyAsync(db, ids, today, context.Options, ct);
        await transaction.CommitAsync(ct);
        return states.Count;
    }

    private static TimetableAsAt StateOn(string spans, TimetableContext context, DateOnly today) =>
        TimetableSpans.AsAt(spans, today, context.Calendar, context.Options.AmberWindowWorkingDays);

    /// <summary>
    /// A child deleted between a batch's read and its write fails the write (its key is gone); the batch is then
    /// read again, without it.
    /// </summary>
    private async Task WithRetryAsync(Func<Task> batch, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await batch();
                return;
            }
            catch (Exception e) when (attempt < Attempts && e is DbException or DbUpdateException && !ct.IsCancellationRequested)
            {
                log.LogWarning(e, "A timetable store batch failed (attempt {Attempt}); it is read again", attempt);
            }
        }
    }
}
