using System.Collections.Concurrent;
using System.Threading.Channels;
using Iro.Ssda903;

namespace Iro.Web.Features.Interchange;

/// <summary>An upload being imported in the background; the status page reads its progress.</summary>
public sealed class ImportJob
{
    public required Guid Id { get; init; }
    public required ImportUser Owner { get; init; }
    public required CollectionYear Year { get; init; }

    /// <summary>Folder holding the uploaded files; removed once the job no longer needs them.</summary>
    public required string Directory { get; init; }

    public required IReadOnlyList<string> Files { get; init; }
    public required DateTimeOffset Created { get; init; }
    public bool AcceptWarnings { get; set; }

    // Written by the runner, read by requests: whole-reference writes, so readers see a consistent value.
    public ImportProgress Progress { get; set; } = new(ImportStage.Queued, 0, 0);
    public ImportOutcome? Outcome { get; set; }
    public string? Failure { get; set; }

    public bool Running => Outcome is null && Failure is null;

    public string Source => string.Join(", ", Files.Select(Path.GetFileName));
}

/// <summary>The queue of uploads to import (one at a time) and the jobs a user can look at.</summary>
public sealed class ImportJobs(TimeProvider clock)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);
    private readonly Channel<ImportJob> _queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();

    internal ChannelReader<ImportJob> Reader => _queue.Reader;

    public ImportJob Enqueue(ImportUser owner, CollectionYear year, string directory, IReadOnlyList<string> files)
    {
        Forget();
        var job = new ImportJob { Id = Guid.NewGuid(), Owner = owner, Year = year, Directory = directory, Files = files, Created = clock.GetUtcNow() };
        _jobs[job.Id] = job;
        _queue.Writer.TryWrite(job);
        return job;
    }

    /// <summary>Runs a job that stopped at warnings again, this time importing.</summary>
    public bool AcceptWarnings(ImportJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Outcome?.Status != ImportStatus.NeedsAcceptance) return false;
        job.AcceptWarnings = true;
        job.Progress = new ImportProgress(ImportStage.Queued, 0, job.Progress.Total);
        job.Outcome = null;
        return _queue.Writer.TryWrite(job);
    }

    /// <summary>The job, if it exists and belongs to the user: nobody sees another person's findings.</summary>
    public ImportJob? Find(Guid id, string userId) =>
        _jobs.TryGetValue(id, out var job) && job.Owner.UserId == userId ? job : null;

    private void Forget()
    {
        var cutoff = clock.GetUtcNow() - KeepFor;
        foreach (var old in _jobs.Values.Where(j => j.Created < cutoff && !j.Running))
        {
            _jobs.TryRemove(old.Id, out _);
            ImportJobRunner.RemoveFiles(old);
        }
    }
}
