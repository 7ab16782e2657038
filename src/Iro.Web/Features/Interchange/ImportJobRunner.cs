using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Interchange;

/// <summary>
/// Imports queued uploads one at a time, within the configured time, reporting progress and stopping when the
/// owner cancels. On start-up it ends the jobs a stopped process left behind. Whatever way a job ends, its
/// staged files are deleted (a return with warnings keeps them until it is accepted, cancelled or expires).
/// </summary>
public sealed class ImportJobRunner(
    ImportJobs jobs, IServiceScopeFactory scopes, IOptions<ImportOptions> importOptions, IOptions<UploadOptions> uploadOptions,
    TimeProvider clock, ILogger<ImportJobRunner> log) : BackgroundService
{
    public const string RestartReason = "The server restarted during the import; nothing was written. Upload the return again.";
    public const string FailureReason = "The import failed and nothing was written. Try again; if it fails again, contact your system administrator.";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await RecoverAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var id in jobs.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(id, stoppingToken);
        }
    }

    /// <summary>Jobs left queued or running by a process that stopped are failed and their files deleted.</summary>
    private async Task RecoverAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        // A database not yet brought up to date (before `db migrate`) has no jobs to recover.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any()) return;

        var left = await db.Set<ImportJobRecord>()
            .Where(j => j.Status == ImportJobStatus.Queued || j.Status == ImportJobStatus.Running)
            .ToListAsync(ct);
        foreach (var job in left)
        {
            job.Status = ImportJobStatus.Failed;
            job.Failure = RestartReason;
            job.Stage = ImportStage.Finished;
            job.Finished = clock.GetUtcNow();
            RemoveFiles(job.StagedDirectory);
            log.LogWarning("SSDA903 import {JobId} was left unfinished by a stopped server and is marked failed", job.Id);
        }

        await db.SaveChangesAsync(ct);
        await ExpireAsync(db, ct);
    }

    /// <summary>A return with warnings keeps its files only for a while: after that the job is cancelled and they are deleted.</summary>
    private async Task ExpireAsync(IroDbContext db, CancellationToken ct)
    {
        var expiry = clock.GetUtcNow().AddHours(-importOptions.Value.KeepForAcceptanceHours);
        var waiting = await db.Set<ImportJobRecord>().Where(j => j.Status == ImportJobStatus.NeedsAcceptance).ToListAsync(ct);
        foreach (var job in waiting.Where(j => j.Finished is not { } finished || finished < expiry))
        {
            var ended = await jobs.EndAsync(db, job.Id, j => j.Status == ImportJobStatus.NeedsAcceptance, ImportJobStatus.Cancelled,
                "The warnings were not accepted in time, so the files were deleted. Upload the return again.", ct);
            if (ended) RemoveFiles(job.StagedDirectory);
        }
    }

    private async Task RunAsync(Guid id, CancellationToken stoppingToken)
    {
        using var cancel = jobs.Track(id);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            if (!await jobs.StartAsync(db, id, stoppingToken)) return;
            var job = await db.Set<ImportJobRecord>().AsNoTracking().SingleAsync(j => j.Id == id, stoppingToken);
            await RunStartedAsync(job, cancel, stoppingToken);
            await ExpireAsync(db, stoppingToken);
        }
        finally
        {
            jobs.Untrack(id);
        }
    }

    private async Task RunStartedAsync(ImportJobRecord job, CancellationTokenSource cancel, CancellationToken stoppingToken)
    {
        var limit = TimeSpan.FromMinutes(importOptions.Value.TimeoutMinutes);
        using var timeout = new CancellationTokenSource(limit, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, cancel.Token, timeout.Token);
        var ct = linked.Token;
        var keepFiles = false;
        using var measured = Operations.Telemetry.IroTelemetry.ImportJob("ssda903");
        try
        {
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
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            var reason = cancel.IsCancellationRequested
                ? $"Cancelled by {job.OwnerName}. Nothing was imported."
                : $"The import took longer than {importOptions.Value.TimeoutMinutes} minutes and was stopped. Nothing was written.";
            await EndAsync(job.Id, cancel.IsCancellationRequested ? ImportJobStatus.Cancelled : ImportJobStatus.Failed, reason);
            if (cancel.IsCancellationRequested) measured.Outcome = nameof(ImportJobStatus.Cancelled);
        }
        catch (OperationCanceledException)
        {
            await EndAsync(job.Id, ImportJobStatus.Failed, RestartReason);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "SSDA903 import {JobId} failed", job.Id);
            await EndAsync(job.Id, ImportJobStatus.Failed, FailureReason);
        }
        finally
        {
            if (!keepFiles) RemoveFiles(job.StagedDirectory);
        }
    }

    private async Task FinishAsync(Guid id, Action<ImportJobRecord> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        var job = await db.Set<ImportJobRecord>().SingleAsync(j => j.Id == id, ct);
        change(job);
        job.Stage = ImportStage.Finished;
        job.Finished = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records how a running job ended, even while the server is stopping (the write is short).</summary>
    private async Task EndAsync(Guid id, ImportJobStatus status, string reason)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        await jobs.EndAsync(db, id, j => j.Status == ImportJobStatus.Running, status, reason, CancellationToken.None);
    }

    internal static void RemoveFiles(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A folder that cannot be removed now is left to the operating system's clean-up of temporary files.
        }
    }

    /// <summary>Synchronous progress (Progress&lt;T&gt; would post to the thread pool and could report out of order).</summary>
    private sealed class JobProgress(ImportJobs jobs, Guid id) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => jobs.Report(id, value);
    }
}
