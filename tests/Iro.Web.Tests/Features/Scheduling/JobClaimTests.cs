using Iro.Ssda903;
using Iro.Web.Data;
using Iro.Web.Features.Interchange;
using Iro.Web.Features.Scheduling;
using Iro.Web.Tests.Features.Interchange;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Tests.Features.Scheduling;

public sealed class JobClaimSqliteTests(BackgroundFreeSqliteApp app) : JobClaimTests(app), IClassFixture<BackgroundFreeSqliteApp>;

public sealed class JobClaimPostgresTests(BackgroundFreePostgresApp app) : JobClaimTests(app), IClassFixture<BackgroundFreePostgresApp>;

/// <summary>Instances claiming import jobs and scheduled work through the database: each job and each run goes to exactly one.</summary>
public abstract class JobClaimTests(BackgroundFreeApp app) : IAsyncLifetime
{
    private const int Claimants = 6;

    /// <summary>Each test starts with no job to claim but its own.</summary>
    public async Task InitializeAsync()
    {
        await using var db = Ssda903TestSupport.Open(app.Database);
        await db.Set<ImportJobRecord>()
            .Where(j => j.Status == ImportJobStatus.Queued || j.Status == ImportJobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportJobStatus.Failed));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private ImportJobs NewInstance() => new(app.Clock, new InstanceIdentity(), Options.Create(new ImportOptions()));

    private async Task<Guid> AddJobAsync(ImportJobStatus status, DateTime? leaseExpires = null, int attempts = 0)
    {
        var id = Guid.NewGuid();
        await using var db = Ssda903TestSupport.Open(app.Database);
        db.Add(new ImportJobRecord
        {
            Id = id, OwnerId = "owner", OwnerName = "Owner", YearStart = new DateOnly(2024, 4, 1), Status = status, Stage = ImportStage.Queued,
            Created = app.Clock.GetUtcNow(), FileNames = ImportJobRecord.NamesJson(["episodes.csv"]), StagedDirectory = Path.Combine(app.Staging, id.ToString("N")),
            ClaimedBy = status == ImportJobStatus.Running ? "a stopped instance" : null, LeaseExpiresUtc = leaseExpires, Attempts = attempts,
        });
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<ImportJobRecord> JobAsync(Guid id)
    {
        await using var db = Ssda903TestSupport.Open(app.Database);
        return await db.Set<ImportJobRecord>().AsNoTracking().SingleAsync(j => j.Id == id);
    }

    private async Task<List<(string Claimant, Guid? Job)>> RaceAsync()
    {
        var instances = Enumerable.Range(0, Claimants).Select(_ => NewInstance()).ToList();
        using var start = new SemaphoreSlim(0);
        var claims = instances.Select(async jobs =>
        {
            await using var db = Ssda903TestSupport.Open(app.Database);
            await db.Database.OpenConnectionAsync();
            await start.WaitAsync();
            return (jobs.Claimant, await jobs.ClaimNextAsync(db, jobs.Claimant, CancellationToken.None));
        }).ToList();
        start.Release(Claimants);
        return [.. await Task.WhenAll(claims)];
    }

    [Fact]
    public async Task Instances_racing_for_one_waiting_job_leave_exactly_one_claimant()
    {
        var id = await AddJobAsync(ImportJobStatus.Queued);

        var claims = await RaceAsync();

        var winner = Assert.Single(claims, c => c.Job is not null);
        Assert.Equal(id, winner.Job);
        var job = await JobAsync(id);
        Assert.Equal(ImportJobStatus.Running, job.Status);
        Assert.Equal(winner.Claimant, job.ClaimedBy);
        Assert.Equal(1, job.Attempts);
        Assert.Equal((app.Clock.GetUtcNow() + TimeSpan.FromSeconds(new ImportOptions().LeaseSeconds)).UtcDateTime, job.LeaseExpiresUtc);
    }

    [Fact]
    public async Task A_job_whose_instance_stopped_is_taken_over_once_its_lease_lapses_and_not_before()
    {
        var lease = TimeSpan.FromSeconds(new ImportOptions().LeaseSeconds);
        var id = await AddJobAsync(ImportJobStatus.Running, (app.Clock.GetUtcNow() + lease).UtcDateTime, attempts: 1);

        Assert.DoesNotContain(await RaceAsync(), c => c.Job == id);

        app.Clock.Advance(lease + TimeSpan.FromSeconds(1));
        var winner = Assert.Single(await RaceAsync(), c => c.Job is not null);
        Assert.Equal(id, winner.Job);
        var job = await JobAsync(id);
        Assert.Equal(winner.Claimant, job.ClaimedBy);
        Assert.Equal(2, job.Attempts);
    }

    [Fact]
    public async Task Renewing_keeps_the_claim_and_an_instance_that_lost_its_job_is_told()
    {
        var owner = NewInstance();
        var id = await AddJobAsync(ImportJobStatus.Queued);
        await using var db = Ssda903TestSupport.Open(app.Database);
        Assert.Equal(id, await owner.ClaimNextAsync(db, owner.Claimant, CancellationToken.None));

        app.Clock.Advance(owner.Lease / 2);
        Assert.Equal(LeaseState.Held, await owner.RenewAsync(db, id, owner.Claimant, CancellationToken.None));
        app.Clock.Advance(owner.Lease / 2 + TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(await RaceAsync(), c => c.Job == id);

        app.Clock.Advance(owner.Lease);
        var thief = Assert.Single(await RaceAsync(), c => c.Job is not null);
        Assert.Equal(id, thief.Job);
        Assert.Equal(LeaseState.Lost, await owner.RenewAsync(db, id, owner.Claimant, CancellationToken.None));
    }

    [Fact]
    public async Task Instances_racing_for_a_scheduled_run_leave_exactly_one_and_the_next_period_is_free_again()
    {
        var name = $"test-{Guid.NewGuid():N}";
        var period = TimeSpan.FromMinutes(15);

        async Task<bool[]> RaceForLeaseAsync() => await Task.WhenAll(Enumerable.Range(0, Claimants).Select(async _ =>
        {
            await using var db = Ssda903TestSupport.Open(app.Database);
            return await new ScheduledWorkLeases(app.Clock, new InstanceIdentity()).TryTakeAsync(db, name, period, CancellationToken.None);
        }));

        Assert.Single(await RaceForLeaseAsync(), taken => taken);
        app.Clock.Advance(period - TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(true, await RaceForLeaseAsync());
        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(await RaceForLeaseAsync(), taken => taken);
    }

    [Fact]
    public async Task The_clean_up_deletes_the_staged_files_of_ended_jobs_once_per_period()
    {
        var ended = await AddJobAsync(ImportJobStatus.Failed);
        var running = await AddJobAsync(ImportJobStatus.Running, (app.Clock.GetUtcNow() + TimeSpan.FromDays(1)).UtcDateTime);
        var staging = Path.Combine(app.Staging, Guid.NewGuid().ToString("N"));
        foreach (var folder in new[] { ended.ToString("N"), running.ToString("N") }.Select(n => Path.Combine(app.Staging, n)).Append(staging))
        {
            Directory.CreateDirectory(folder);
        }

        var cleanup = app.Services.GetRequiredService<ScheduledCleanup>();
        var other = NewCleanup();
        Assert.True(await cleanup.RunOnceAsync(CancellationToken.None));
        Assert.False(await other.RunOnceAsync(CancellationToken.None));

        Assert.False(Directory.Exists(Path.Combine(app.Staging, ended.ToString("N"))));
        Assert.True(Directory.Exists(Path.Combine(app.Staging, running.ToString("N"))));
        // A folder with no job yet may be an upload being staged right now.
        Assert.True(Directory.Exists(staging));
    }

    /// <summary>The clean-up as a second instance would run it: the same services, another identity.</summary>
    private ScheduledCleanup NewCleanup()
    {
        var services = app.Services;
        var identity = new InstanceIdentity();
        return new ScheduledCleanup(
            services.GetRequiredService<IServiceScopeFactory>(), new ScheduledWorkLeases(app.Clock, identity),
            services.GetRequiredService<ImportJobs>(), services.GetRequiredService<IOptions<ScheduledWorkOptions>>(),
            services.GetRequiredService<IOptions<UploadOptions>>(), app.Clock,
            services.GetRequiredService<Microsoft.Extensions.Logging.ILogger<ScheduledCleanup>>());
    }
}
