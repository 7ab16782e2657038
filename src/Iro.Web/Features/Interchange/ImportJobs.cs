using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Threading.Channels;
using Iro.Ssda903;
using Iro.Web.Data;
using Iro.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Interchange;

/// <summary>
/// Import jobs: their state lives in the database (<see cref="ImportJobRecord"/>), and any instance of the app may
/// claim a waiting job, holding it through a lease that it renews while the job runs. Moves between states are
/// conditional updates, so a cancel and a runner picking the job up, or two instances, cannot both win. The
/// running job's live progress and its cancellation are held by the instance running it; its progress is copied
/// to the database at each lease renewal, so the job's page works from any instance.
/// </summary>
public sealed class ImportJobs(TimeProvider clock, InstanceIdentity instance, IOptions<ImportOptions> options)
{
    private readonly Channel<Guid> _wake = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, ImportProgress> _live = new();
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _cancels = new();

    /// <summary>How long a claim holds without renewal: an instance that stops is replaced after at most this long.</summary>
    public TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    public string Claimant => instance.Name;

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
        _wake.Writer.TryWrite(job.Id);
        return job;
    }

    /// <summary>The job, if it exists and belongs to the user: nobody sees another person's findings.</summary>
    public static Task<ImportJobRecord?> FindAsync(IroDbContext db, Guid id, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ImportJobRecord>().AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.OwnerId == userId, ct);
    }

    /// <summary>How far the job has got, when this instance is running it (so progress costs no database write per row).</summary>
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
                .SetProperty(j => j.Attempts, 0)
                .SetProperty(j => j.Processed, 0), ct);
        return moved == 1 && _wake.Writer.TryWrite(id);
    }

    /// <summary>
    /// Cancels a job: one waiting (queued, or for its warnings to be accepted) ends here and its files are
    /// deleted; a running one is stopped by the instance running it (at once when that is this one, otherwise at
    /// its next lease renewal), which rolls back whatever it had begun to write.
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
            ImportJobStatus.Cancelled, CancelledReason(job.OwnerName), ct);
        if (ended)
        {
            ImportJobRunner.RemoveFiles(job.StagedDirectory);
            return;
        }

        await db.Set<ImportJobRecord>().Where(j => j.Id == job.Id && j.Status == ImportJobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct);
    }

    internal static string CancelledReason(string ownerName) => $"Cancelled by {ownerName}. Nothing was imported.";

    /// <summary>
    /// Claims the oldest job waiting, or one whose claim has lapsed (its instance stopped), for
    /// <paramref name="claimant"/>: one statement, so of several instances asking at once exactly one gets each
    /// job. PostgreSQL skips rows another claim has locked rather than waiting for them; SQLite lets one writer in
    /// at a time. Null when there is nothing to claim.
    /// </summary>
    internal async Task<Guid?> ClaimNextAsync(IroDbContext db, string claimant, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = clock.GetUtcNow();
        var skipLocked = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        const string claimable = """("Status" = 'Queued' OR ("Status" = 'Running' AND ("LeaseExpiresUtc" IS NULL OR "LeaseExpiresUtc" < {0})))""";
        var sql = $"""
            UPDATE "ImportJobs"
            SET "Status" = 'Running', "Stage" = 'Reading', "ClaimedBy" = {"{1}"}, "LeaseExpiresUtc" = {"{2}"},
                "Attempts" = "Attempts" + 1, "Started" = COALESCE("Started", {"{3}"})
            WHERE "Id" = (SELECT "Id" FROM "ImportJobs" WHERE {claimable} ORDER BY "Created" LIMIT 1 {skipLocked})
              AND {claimable}
            RETURNING "Id" AS "Value"
            """;
        var claimed = await db.Database
            .SqlQueryRaw<Guid>(sql, now.UtcDateTime, claimant, (now + Lease).UtcDateTime, now)
            .ToListAsync(ct);
        return claimed.Count == 1 ? claimed[0] : null;
    }

    /// <summary>
    /// Extends <paramref name="claimant"/>'s claim and records the job's progress. Lost when the claim lapsed and
    /// another instance took the job (or it ended); cancel-requested when the owner cancelled it from another instance.
    /// </summary>
    internal async Task<LeaseState> RenewAsync(IroDbContext db, Guid id, string claimant, CancellationToken ct)
    {
        var expires = (clock.GetUtcNow() + Lease).UtcDateTime;
        var progress = LiveProgress(id) ?? new ImportProgress(ImportStage.Reading, 0, 0);
        var renewed = await db.Set<ImportJobRecord>()
            .Where(j => j.Id == id && j.ClaimedBy == claimant && j.Status == ImportJobStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.LeaseExpiresUtc, expires)
                .SetProperty(j => j.Stage, progress.Stage)
                .SetProperty(j => j.Processed, progress.Processed)
                .SetProperty(j => j.Total, progress.Total), ct);
        if (renewed == 0) return LeaseState.Lost;
        var cancel = await db.Set<ImportJobRecord>().Where(j => j.Id == id).Select(j => j.CancelRequested).SingleAsync(ct);
        return cancel ? LeaseState.CancelRequested : LeaseState.Held;
    }

    /// <summary>Gives a claimed job back to the queue (this instance is stopping), for another instance or this one's restart to run from the start.</summary>
    internal static Task<int> ReleaseAsync(IroDbContext db, Guid id, string claimant, CancellationToken ct) =>
        db.Set<ImportJobRecord>()
            .Where(j => j.Id == id && j.ClaimedBy == claimant && j.Status == ImportJobStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportJobStatus.Queued)
                .SetProperty(j => j.Stage, ImportStage.Queued)
                .SetProperty(j => j.ClaimedBy, (string?)null)
                .SetProperty(j => j.LeaseExpiresUtc, (DateTime?)null)
                .SetProperty(j => j.Processed, 0), ct);

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
                .SetProperty(j => j.LeaseExpiresUtc, (DateTime?)null)
                .SetProperty(j => j.Finished, now), ct);
        return moved == 1;
    }

    /// <summary>A return with warnings keeps its files only for a while: after that the job is cancelled and they are deleted.</summary>
    internal async Task ExpireWaitingAsync(IroDbContext db, CancellationToken ct)
    {
        var expiry = clock.GetUtcNow().AddHours(-options.Value.KeepForAcceptanceHours);
        var waiting = await db.Set<ImportJobRecord>().Where(j => j.Status == ImportJobStatus.NeedsAcceptance).ToListAsync(ct);
        foreach (var job in waiting.Where(j => j.Finished is not { } finished || finished < expiry))
        {
            var ended = await EndAsync(db, job.Id, j => j.Status == ImportJobStatus.NeedsAcceptance, ImportJobStatus.Cancelled,
                "The warnings were not accepted in time, so the files were deleted. Upload the return again.", ct);
            if (ended) ImportJobRunner.RemoveFiles(job.StagedDirectory);
        }
    }

    /// <summary>Waits until a job is queued on this instance or <paramref name="poll"/> has passed (jobs queued on other instances are found by polling).</summary>
    internal async Task WaitForWorkAsync(TimeSpan poll, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(poll);
        try
        {
            await _wake.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The poll interval passed.
        }

        while (_wake.Reader.TryRead(out _))
        {
        }
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

internal enum LeaseState { Held, CancelRequested, Lost }
