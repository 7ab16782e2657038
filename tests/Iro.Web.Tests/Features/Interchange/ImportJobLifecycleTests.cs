using System.Net;
using Iro.Ssda903;
using Iro.Ssda903.Synthetic;
using Iro.Web.Features.Interchange;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Features.Interchange;

public sealed class ImportJobLifecycleSqliteTests(SqliteApp app) : ImportJobLifecycleTests(app), IClassFixture<SqliteApp>;

public sealed class ImportJobLifecyclePostgresTests(PostgresApp app) : ImportJobLifecycleTests(app), IClassFixture<PostgresApp>;

/// <summary>Import jobs live in the database: they outlive the server, end cleanly after a crash, can be cancelled, and leave no files.</summary>
public abstract class ImportJobLifecycleTests(IroAppFactory app)
{
    private static readonly string[] FakeFiles = ["header.csv", "episodes.csv", "reviews.csv"];

    private static string ValidReturn(int children, string yearName)
    {
        var dir = Ssda903TestSupport.TempDir();
        var year = CollectionYear.Parse(yearName);
        Ssda903Writer.WriteDirectory(SyntheticReturnGenerator.Generate(children, 21, year), dir, year);
        return dir;
    }

    [Fact]
    public async Task A_jobs_outcome_survives_a_new_instance_of_the_server_and_its_files_are_gone()
    {
        var dir = ValidReturn(5, "2024-25");
        string status;
        try
        {
            await using (var first = UploadInstance.Start(app))
            {
                var client = await first.ClientForAsync(AccessScenario.Manager);
                var response = await Ssda903Uploads.UploadAsync(client, "2024-25", Directory.GetFiles(dir));
                status = response.Headers.Location!.OriginalString;
                var html = await Ssda903Uploads.WaitAsync(client, status);
                Assert.Contains("id=\"import-state\">Import complete</h1>", html, StringComparison.Ordinal);
                Assert.Empty(await first.StagedFoldersAfterJobsEndAsync());
            }

            await using var second = UploadInstance.Start(app);
            var again = await (await second.ClientForAsync(AccessScenario.Manager)).GetStringAsync(status);
            Assert.Contains("id=\"import-state\">Import complete</h1>", again, StringComparison.Ordinal);
            Assert.Matches("id=\"children-result\">\\d+ added, \\d+ updated", again);
            Assert.Contains("episodes.csv", again, StringComparison.Ordinal);

            // Nobody else sees the job.
            var other = await second.ClientForAsync(AccessScenario.Admin);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(status)).StatusCode);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task A_refused_return_leaves_no_staged_files_and_its_findings_are_kept()
    {
        await using var instance = UploadInstance.Start(app);
        var client = await instance.ClientForAsync(AccessScenario.Manager);
        var files = FakeFiles.Select(f => Path.Combine(Ssda903TestSupport.FakeDataDir, f));
        var response = await Ssda903Uploads.UploadAsync(client, "2017-18", files);
        var status = response.Headers.Location!.OriginalString;
        var html = await Ssda903Uploads.WaitAsync(client, status);
        Assert.Contains("Nothing was imported", html, StringComparison.Ordinal);
        Assert.Empty(await instance.StagedFoldersAfterJobsEndAsync());

        var id = Guid.Parse(status[(status.LastIndexOf('/') + 1)..]);
        var job = await instance.WithDbAsync(db => db.Set<ImportJobRecord>().AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal(ImportJobStatus.Refused, job.Status);
        Assert.True(job.Errors > 0);
        Assert.NotEmpty(job.KeptFindings);
        Assert.NotNull(job.Finished);
    }

    [Fact]
    public async Task A_job_left_running_by_stopped_servers_too_often_is_marked_failed_with_the_reason_and_its_files_deleted()
    {
        var staging = Ssda903TestSupport.TempDir();
        var id = Guid.NewGuid();
        var folder = Directory.CreateDirectory(Path.Combine(staging, id.ToString("N"))).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "00.csv"), "CHILD,DOB\n1,01/01/2010\n");
        var attempts = new ImportOptions().MaxAttempts;
        await using (var db = Ssda903TestSupport.Open(app.Database))
        {
            var owner = await db.Users.Where(u => u.Email == AccessScenario.Manager).Select(u => u.Id).SingleAsync();
            // Its instance stopped long ago: the claim has lapsed, and this was already its last attempt.
            db.Add(new ImportJobRecord
            {
                Id = id, OwnerId = owner, OwnerName = "Manager", YearStart = new DateOnly(2024, 4, 1), Status = ImportJobStatus.Running,
                Stage = ImportStage.Writing, Created = IroAppFactory.Now, Started = IroAppFactory.Now,
                FileNames = ImportJobRecord.NamesJson(["episodes.csv"]), StagedDirectory = folder,
                ClaimedBy = "a stopped instance", LeaseExpiresUtc = IroAppFactory.Now.UtcDateTime.AddHours(-1), Attempts = attempts,
            });
            await db.SaveChangesAsync();
        }

        Assert.True(Directory.Exists(folder));
        await using var restarted = UploadInstance.Start(app, staging: staging);
        var html = await Ssda903Uploads.WaitAsync(await restarted.ClientForAsync(AccessScenario.Manager), $"/ssda903/imports/{id}");
        Assert.Contains("id=\"import-state\">Import failed</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"interrupted {attempts} times (the server running it stopped)", html, StringComparison.Ordinal);
        Assert.Contains("nothing was written", html, StringComparison.Ordinal);

        var job = await restarted.WithDbAsync(db => db.Set<ImportJobRecord>().AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal(ImportJobStatus.Failed, job.Status);
        Assert.Equal(ImportJobRunner.InterruptedReason(attempts), job.Failure);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task The_owner_cancels_a_waiting_job_and_its_files_are_deleted()
    {
        await using var instance = UploadInstance.Start(app);
        var owner = await instance.UserIdAsync(AccessScenario.Manager);
        var id = Guid.NewGuid();
        var folder = Directory.CreateDirectory(Path.Combine(instance.Staging, id.ToString("N"))).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "00.csv"), "CHILD,DOB\n1,01/01/2010\n");
        // A job waiting for its warnings to be accepted (a queued one would be picked up by the runner at once).
        await instance.WithDbAsync(db =>
        {
            db.Add(new ImportJobRecord
            {
                Id = id, OwnerId = owner, OwnerName = "Manager", YearStart = new DateOnly(2024, 4, 1), Status = ImportJobStatus.NeedsAcceptance,
                Stage = ImportStage.Finished, Created = IroAppFactory.Now, Finished = IroAppFactory.Now, FileNames = ImportJobRecord.NamesJson(["episodes.csv"]), StagedDirectory = folder,
            });
            return db.SaveChangesAsync();
        });

        var client = await instance.ClientForAsync(AccessScenario.Manager);
        var status = $"/ssda903/imports/{id}";
        var page = await client.GetStringAsync(status);
        Assert.Contains("id=\"cancel-import\"", page, StringComparison.Ordinal);

        // Someone else cannot cancel it.
        var other = await instance.ClientForAsync(AccessScenario.Admin);
        var otherToken = await SignIn.AntiforgeryTokenAsync(other, "/ssda903");
        var refused = await other.PostAsync($"{status}?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = otherToken }));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.True(Directory.Exists(folder));

        var token = await SignIn.AntiforgeryTokenAsync(client, status);
        var response = await client.PostAsync($"{status}?handler=Cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var html = await client.GetStringAsync(status);
        Assert.Contains("id=\"import-state\">Import cancelled</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"cancel-import\"", html, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
        var job = await instance.WithDbAsync(db => db.Set<ImportJobRecord>().AsNoTracking().SingleAsync(j => j.Id == id));
        Assert.Equal(ImportJobStatus.Cancelled, job.Status);
    }

    [Fact]
    public async Task Cancelling_a_running_job_stops_it()
    {
        var jobs = new ImportJobs(TimeProvider.System, new Iro.Web.Features.Scheduling.InstanceIdentity(), Microsoft.Extensions.Options.Options.Create(new ImportOptions()));
        var id = Guid.NewGuid();
        using var running = jobs.Track(id);
        await using var instance = UploadInstance.Start(app);
        await instance.WithDbAsync(async db =>
        {
            await jobs.CancelAsync(db, new ImportJobRecord { Id = id, OwnerId = "x", OwnerName = "x", FileNames = "[]", StagedDirectory = "none" }, CancellationToken.None);
            return 0;
        });
        Assert.True(running.IsCancellationRequested);
        jobs.Untrack(id);
    }

    [Fact]
    public async Task An_import_over_its_time_limit_is_stopped_writes_nothing_and_leaves_no_files()
    {
        // A limit of no time at all: the import is stopped at its first check, whatever the machine's speed.
        await using var instance = UploadInstance.Start(app, new Dictionary<string, string?> { ["Imports:TimeoutMinutes"] = "0" });
        var client = await instance.ClientForAsync(AccessScenario.Manager);
        var dir = ValidReturn(4, "2023-24");
        try
        {
            var imports = await instance.WithDbAsync(db => db.Set<Ssda903Import>().CountAsync());
            var response = await Ssda903Uploads.UploadAsync(client, "2023-24", Directory.GetFiles(dir));
            var html = await Ssda903Uploads.WaitAsync(client, response.Headers.Location!.OriginalString);
            Assert.Contains("id=\"import-state\">Import failed</h1>", html, StringComparison.Ordinal);
            Assert.Contains("took longer than 0 minutes and was stopped. Nothing was written.", html, StringComparison.Ordinal);
            Assert.Equal(imports, await instance.WithDbAsync(db => db.Set<Ssda903Import>().CountAsync()));
            Assert.Empty(await instance.StagedFoldersAfterJobsEndAsync());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
