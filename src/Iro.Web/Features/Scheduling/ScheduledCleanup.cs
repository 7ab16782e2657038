using Iro.Web.Data;
using Iro.Web.Features.Interchange;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Scheduling;

/// <summary>
/// House-keeping that every instance schedules and, through a lease, only one does per period: returns with
/// warnings not accepted in time are cancelled, staged upload folders no job needs any more are deleted (left by
/// an instance that stopped), and ended sign-in sessions are removed.
/// </summary>
public sealed class ScheduledCleanup(
    IServiceScopeFactory scopes, ScheduledWorkLeases leases, ImportJobs jobs, IOptions<ScheduledWorkOptions> options,
    IOptions<UploadOptions> uploadOptions, TimeProvider clock, ILogger<ScheduledCleanup> log) : BackgroundService
{
    public const string LeaseName = "clean-up";

    /// <summary>A folder with no job yet may be an upload still being staged: it is left alone for this long.</summary>
    private static readonly TimeSpan StagingGrace = TimeSpan.FromHours(1);

    private TimeSpan Period => TimeSpan.FromMinutes(options.Value.CleanupMinutes);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Scheduled clean-up failed; it runs again at the next period");
            }
        }
    }

    /// <summary>Does the clean-up if this instance takes the period's lease; false when another instance has this period's run.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any()) return false;
        if (!await leases.TryTakeAsync(db, LeaseName, Period, ct)) return false;

        await jobs.ExpireWaitingAsync(db, ct);
        var folders = await RemoveStagedFoldersAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = await db.UserSessions.Where(s => s.ExpiresUtc <= now).ExecuteDeleteAsync(ct);
        log.LogInformation("Scheduled clean-up removed {Folders} staged upload folders and {Sessions} ended sessions", folders, sessions);
        return true;
    }

    /// <summary>Staged folders are named by their job: a folder whose job has ended (or never came to be) is deleted.</summary>
    private async Task<int> RemoveStagedFoldersAsync(IroDbContext db, CancellationToken ct)
    {
        var root = new DirectoryInfo(uploadOptions.Value.StagingRoot);
        if (!root.Exists) return 0;
        var needed = (await db.Set<ImportJobRecord>()
                .Where(j => j.Status == ImportJobStatus.Queued || j.Status == ImportJobStatus.Running || j.Status == ImportJobStatus.NeedsAcceptance)
                .Select(j => j.Id)
                .ToListAsync(ct))
            .ToHashSet();
        var removed = 0;
        foreach (var folder in root.EnumerateDirectories())
        {
            if (!Guid.TryParseExact(folder.Name, "N", out var id) || needed.Contains(id)) continue;
            var hasJob = await db.Set<ImportJobRecord>().AnyAsync(j => j.Id == id, ct);
            // Folder times are the file system's, so they are compared with the real time rather than the service's clock.
            if (!hasJob && DateTime.UtcNow - folder.CreationTimeUtc < StagingGrace) continue;
            ImportJobRunner.RemoveFiles(folder.FullName);
            removed++;
        }

        return removed;
    }
}

/// <summary>Scheduled work (settings under <c>ScheduledWork:</c>).</summary>
public sealed class ScheduledWorkOptions
{
    public const string SectionName = "ScheduledWork";

    /// <summary>How often the clean-up runs (once across all instances).</summary>
    public int CleanupMinutes { get; set; } = 15;
}
