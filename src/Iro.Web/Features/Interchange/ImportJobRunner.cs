namespace Iro.Web.Features.Interchange;

/// <summary>Imports queued uploads one at a time, reporting progress on the job.</summary>
public sealed class ImportJobRunner(ImportJobs jobs, IServiceScopeFactory scopes, ILogger<ImportJobRunner> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Reader.ReadAllAsync(stoppingToken))
        {
            await RunAsync(job, stoppingToken);
        }
    }

    private async Task RunAsync(ImportJob job, CancellationToken ct)
    {
        try
        {
            job.Progress = new ImportProgress(ImportStage.Reading, 0, 0);
            var read = Ssda903Importer.Read(job.Files, job.Year);
            await using var scope = scopes.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<Ssda903Importer>();
            var outcome = await importer.ImportAsync(read, job.Source, job.Owner, job.AcceptWarnings, new JobProgress(job), ct);
            job.Outcome = outcome;
            // The files are kept only while someone may still accept the warnings.
            if (outcome.Status != ImportStatus.NeedsAcceptance) RemoveFiles(job);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "SSDA903 import {JobId} failed", job.Id);
            job.Failure = "The import failed and nothing was written. Try again; if it fails again, contact your system administrator.";
            RemoveFiles(job);
        }
    }

    internal static void RemoveFiles(ImportJob job)
    {
        try
        {
            if (Directory.Exists(job.Directory)) Directory.Delete(job.Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder that cannot be removed now is left to the operating system's clean-up.
        }
    }

    /// <summary>Synchronous progress (Progress&lt;T&gt; would post to the thread pool and could report out of order).</summary>
    private sealed class JobProgress(ImportJob job) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => job.Progress = value;
    }
}
