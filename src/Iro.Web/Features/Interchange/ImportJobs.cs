using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Threading.Channels;
using Iro.Ssda903;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Interchange;

/// <summary>
/// Import jobs: their state lives in the database (<see cref="ImportJobRecord"/>); the queue, the running job's
/// live progress and its cancellation are in this process. Moves between states are conditional updates, so a
/// cancel and the runner picking the job up cannot both win.
/// </summary>
public sealed class ImportJobs(TimeProvider clock)
{
    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, ImportProgress> _live = new();
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _cancels = new();

    internal ChannelReader<Guid> Reader => _queue.Reader;

    public async Task<ImportJobRecord> EnqueueAsync(
        IroDbContext db, Guid id, ImportUser owner, CollectionYear year, string stagedDirectory, IReadOnlyList<string> names, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(year);
        var job = new ImportJobRecord
        {
            Id = id,
            OwnerId = owner.UserId,
            OwnerName = owner.UserName,
            YearStart = year.Start,
            Status = ImportJobStatus.Queued,
            Stage = ImportStage.Queued,
            Created = clock.GetUtcNow(),
            FileNames = ImportJobRecord.NamesJson(names),
            StagedDirectory = stagedDirectory,
        };
        db.Add(job);
        await db.SaveChangesAsync(ct);
        _queue.Writer.TryWrite(job.Id);
        return job;
    }

    /// <summary>The job, if it exists and belongs to the user: nobody sees another person's findings.</summary>
    public static Task<ImportJobRecord?> FindAsync(IroDbContext db, Guid id, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ImportJobRecord>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.OwnerId == userId, ct);
    }

    /// <summary>How far the running job has got (held here while it runs, so progress costs no database writes).</summary>
    public ImportProgress? LiveProgress(Guid id) => _live.TryGetValue(id, out var progress) ? progress : null;

    /// <summary>Runs a job that stopped at warnings again, this time importing.</summary>
    public async Task<bool> AcceptWarningsAsync(IroDbContext db, Guid id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var moved = await db.Set<ImportJobRecord>()
            .Where(j => j.Id == id && j.Status == ImportJobStatus.NeedsAcceptance)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportJobStatus.Queued)
                .SetProperty(j => j.Stage, ImportStage.Queued)
                .SetProperty(j => j.AcceptWarnings, true)
                .SetProperty(j => j.Processed, 0), ct);
        return moved == 1 && _queue.Writer.TryWrite(id);
    }

    /// <summary>
    /// Cancels a job: one waiting (queued, or for its warnings to be accepted) ends here and its files are
    /// deleted; a running one is stopped by its runner, which rolls back whatever it had begun to write.
    /// </summary>
    public async Task CancelAsync(IroDbContext db, ImportJobRecord job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(job);
        if (_cancels.TryGetValue(job.Id, out var running))
        {
            await running.CancelAsync();
            return;
        }

        var ended = await EndAsync(db, job.Id, j => j.Status == ImportJobStatus.Queued || j.Status == ImportJobStatus.NeedsAcceptance,
            ImportJobStatus.Cancelled, $"Cancelled by {job.OwnerName}. Nothing was imported.", ct);
        if (ended) ImportJobRunner.RemoveFiles(job.StagedDirectory);
    }

    /// <summary>Moves a job that is still <paramref name="inState"/> to a final state; false when it no longer was.</summary>
    internal async Task<bool> EndAsync(
        IroDbContext db, Guid id, Expression<Func<ImportJobRecord, bool>> inState, ImportJobStatus to, string reason, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var moved = await db.Set<ImportJobRecord>()
            .Where(j => j.Id == id)
            .Where(inState)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, to)
                .SetProperty(j => j.Stage, ImportStage.Finished)
                .SetProperty(j => j.Failure, reason)
                .SetProperty(j => j.Finished, now), ct);
        return moved == 1;
    }

    /// <summary>Marks a queued job running; false when it was cancelled (or taken) first.</summary>
    internal async Task<bool> StartAsync(IroDbContext db, Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var moved = await db.Set<ImportJobRecord>()
            .Where(j => j.Id == id && j.Status == ImportJobStatus.Queued)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportJobStatus.Running)
                .SetProperty(j => j.Stage, ImportStage.Reading)
                .SetProperty(j => j.Started, now), ct);
        return moved == 1;
    }

    internal CancellationTokenSource Track(Guid id)
    {
        var cancel = new CancellationTokenSource();
        _cancels[id] = cancel;
        _live[id] = new ImportProgress(ImportStage.Reading, 0, 0);
        return cancel;
    }

    internal void Report(Guid id, ImportProgress progress) => _live[id] = progress;

    internal void Untrack(Guid id)
    {
        _live.TryRemove(id, out _);
        if (_cancels.TryRemove(id, out var cancel)) cancel.Dispose();
    }
}
