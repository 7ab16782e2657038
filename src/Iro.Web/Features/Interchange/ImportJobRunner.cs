using Iro.Web.Data;
using Iro.Web.Features.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Interchange;

/// <summary>
/// Claims import jobs from the database one at a time, on whichever instance is free, and runs each within the
/// configured time, renewing its claim, reporting progress and stopping when the owner cancels. A job whose
/// instance stopped is taken over once its claim lapses and run again from the start (an import writes all or
/// nothing in one transaction, so a second run is safe), up to <see cref="ImportOptions.MaxAttempts"/> times, then
/// marked failed with the reason. Whatever way a job ends, its staged files are deleted (a return with warnings
/// keeps them until it is accepted, cancelled or expires).
/// </summary>
public sealed class ImportJobRunner(
    ImportJobs jobs, ImportJobHooks hooks, IServiceScopeFactory scopes, IOptions<ImportOptions> importOptions, IOptions<UploadOptions> uploadOptions,
    TimeProvider clock, ILogger<ImportJobRunner> log) : BackgroundService
{
    public const string FailureReason = "The import failed and nothing was written. Try again; if it fails again, contact your system administrator.";

    public static string InterruptedReason(int attempts) =>
        $"The import was interrupted {attempts} times (the server running it stopped) and has been given up; nothing was written. Upload the return again.";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(importOptions.Value.PollSeconds);
        var ready = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            Guid? claimed = null;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
                // A database not yet brought up to date (before `db migrate`) has no jobs to run.
                ready = ready || !(await db.Database.GetPendingMigrationsAsync(stoppingToken)).Any();
                if (ready) claimed = await jobs.ClaimNextAsync(db, jobs.Claimant, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not look for SSDA903 import jobs; trying again shortly");
            }

            if (claimed is { } id) await RunAsync(id, stoppingToken);
            else await jobs.WaitForWorkAsync(poll, stoppingToken);
        }
    }

    private async Task RunAsync(Guid id, CancellationToken stoppingToken)
    {
        using var cancel = jobs.Track(id);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            var job = await db.Set<ImportJobRecord>().AsNoTracking().SingleAsync(j => j.Id == id, stoppingToken);
            if (job.Attempts > importOptions.Value.MaxAttempts)
            {
                log.LogWarning("SSDA903 import {JobId} was interrupted {Attempts} times and is marked failed", id, job.Attempts - 1);
                await EndAsync(id, ImportJobStatus.Failed, InterruptedReason(job.Attempts - 1));
                ImportJobRunner.RemoveFiles(job.StagedDirectory);
                return;
            }

            if (job.Attempts > 1) log.LogWarning("SSDA903 import {JobId} was left by a stopped instance and is run again (attempt {Attempts})", id, job.Attempts);
            await RunClaimedAsync(job, cancel, stoppingToken);
        }
        finally
        {
            jobs.Untrack(id);
        }
    }

    private async Task RunClaimedAsync(ImportJobRecord job, CancellationTokenSource cancel, CancellationToken stoppingToken)
    {
        var limit = TimeSpan.FromMinutes(importOptions.Value.TimeoutMinutes);
        using var timeout = new CancellationTokenSource(limit, clock);
        using var lost = new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, cancel.Token, timeout.Token, lost.Token);
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var lease = KeepLeaseAsync(job.Id, cancel, lost, renewing.Token);
        var ct = linked.Token;
        var keepFiles = false;
        using var measured = Operations.Telemetry.IroTelemetry.ImportJob("ssda903");
        try
        {
            if (hooks.Starting is { } starting) await starting(job.Id, ct);
            var files = job.Names.Select((name, i) => (Path.Combine(job.StagedDirectory, ImportJobRecord.StagedFileName(i, name)), name)).ToList();
            var read = Ssda903Importer.Read(files, job.Year, uploadOptions.Value.MaxFileBytes);
            ct.ThrowIfCancellationRequested();

            await using var scope = scopes.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<Ssda903Importer>();
            var outcome = await importer.ImportAsync(
                read, job.Source, new ImportUser(job.OwnerId, job.OwnerName), job.AcceptWarnings, new JobProgress(jobs, job.Id), ct);
            keepFiles = outcome.Status == ImportStatus.NeedsAcceptance;
            measured.Outcome = outcome.Status.ToString();
            await FinishAsync(job.Id, j =>
            {
                j.Record(outcome);
                j.Processed = jobs.LiveProgress(job.Id)?.Processed ?? 0;
                j.Total = jobs.LiveProgress(job.Id)?.Total ?? 0;
            }, stoppingToken);
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            // Another instance has taken the job over (this one could not renew its claim in time): it is theirs now, files and all.
            keepFiles = true;
            measured.Outcome = "TakenOver";
            log.LogWarning("SSDA903 import {JobId} was taken over by another instance and is abandoned here", job.Id);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the job goes back to the queue for another instance, or this one after its restart.
            keepFiles = true;
            measured.Outcome = "Released";
            await using var scope = scopes.CreateAsyncScope();
            await ImportJobs.ReleaseAsync(scope.ServiceProvider.GetRequiredService<IroDbContext>(), job.Id, jobs.Claimant, CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
            var cancelled = cancel.IsCancellationRequested;
            var reason = cancelled
                ? ImportJobs.CancelledReason(job.OwnerName)
                : $"The import took longer than {importOptions.Value.TimeoutMinutes} minutes and was stopped. Nothing was written.";
            await EndAsync(job.Id, cancelled ? ImportJobStatus.Cancelled : ImportJobStatus.Failed, reason);
            measured.Outcome = cancelled ? nameof(ImportJobStatus.Cancelled) : nameof(ImportJobStatus.Failed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "SSDA903 import {JobId} failed", job.Id);
            await EndAsync(job.Id, ImportJobStatus.Failed, FailureReason);
        }
        finally
        {
            await renewing.CancelAsync();
            await lease;
            if (!keepFiles) RemoveFiles(job.StagedDirectory);
        }
    }

    /// <summary>Renews the claim a few times per lease while the job runs; stops the job when the claim is lost or the owner cancelled elsewhere.</summary>
    private async Task KeepLeaseAsync(Guid id, CancellationTokenSource cancel, CancellationTokenSource lost, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(jobs.Lease / 3);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var state = await jobs.RenewAsync(scope.ServiceProvider.GetRequiredService<IroDbContext>(), id, jobs.Claimant, ct);
                    if (state == LeaseState.Lost) await lost.CancelAsync();
                    if (state == LeaseState.CancelRequested) await cancel.CancelAsync();
                    if (state != LeaseState.Held) return;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A brief database outage: the next renewal, well within the lease, tries again.
                    log.LogWarning(e, "Could not renew the claim on SSDA903 import {JobId}", id);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job has ended, or this instance is stopping.
        }
    }

    /// <summary>Records the outcome, provided this instance still holds the job.</summary>
    private async Task FinishAsync(Guid id, Action<ImportJobRecord> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var job = await db.Set<ImportJobRecord>().SingleOrDefaultAsync(j => j.Id == id && j.ClaimedBy == jobs.Claimant && j.Status == ImportJobStatus.Running, ct);
        if (job is null) return;
        change(job);
        job.Stage = ImportStage.Finished;
        job.Finished = clock.GetUtcNow();
        job.LeaseExpiresUtc = null;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records how a job this instance holds ended, even while the server is stopping (the write is short).</summary>
    private async Task EndAsync(Guid id, ImportJobStatus status, string reason)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var claimant = jobs.Claimant;
        await jobs.EndAsync(db, id, j => j.Status == ImportJobStatus.Running && j.ClaimedBy == claimant, status, reason, CancellationToken.None);
    }

    internal static void RemoveFiles(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A folder that cannot be removed now is removed by the scheduled clean-up.
        }
    }

    /// <summary>Synchronous progress (Progress&lt;T&gt; would post to the thread pool and could report out of order).</summary>
    private sealed class JobProgress(ImportJobs jobs, Guid id) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => jobs.Report(id, value);
    }
}

/// <summary>A point where tests can hold a job as it starts on one instance (to stop that instance mid-import); unused in production.</summary>
public sealed class ImportJobHooks
{
    public Func<Guid, CancellationToken, Task>? Starting { get; set; }
}
