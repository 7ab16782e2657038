using Iro.Web.Cli;
using Iro.Web.Data;
using Iro.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Tests.Operations;

/// <summary>
/// <c>iro db backup</c> while the running app keeps writing, and <c>iro db restore</c> into an empty database,
/// compared table by table (row counts and checksums) with the source as it was when the backup was taken.
/// </summary>
public abstract class BackupRestoreTests<TApp>(TApp app) : IClassFixture<TApp>, IDisposable where TApp : IroAppFactory
{
    private const string DrillName = "Backup drill ";
    private readonly string _directory = Directory.CreateTempSubdirectory("iro-backup-").FullName;

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static readonly string[] DerivedTimetableTables = ["TimetabledReviews", "ChildTimetableStates", "TimetableStamps", "TimetableRecomputes"];

    /// <summary>
    /// Tables the source's background work changes after the backup on its own schedule: the derived timetable, and
    /// the scheduler's leases (taken and released by the running app, not data of the service).
    /// </summary>
    private static readonly string[] MovedByBackgroundWork = [.. DerivedTimetableTables, "ScheduledWorkLeases"];

    [Fact]
    public async Task A_backup_taken_while_the_app_writes_restores_to_the_database_as_it_was_at_the_backup()
    {
        var file = Path.Combine(_directory, "during-writes.backup");
        int writtenBeforeBackup, writtenAfterBackup;
        (int Exit, string Output, string Error) backup;
        using (var stop = new CancellationTokenSource())
        {
            var written = 0;
            var writer = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await AddDrillRowAsync(written);
                    Interlocked.Increment(ref written);
                }
            });
            await WaitUntilAsync(() => Volatile.Read(ref written) >= 3);
            writtenBeforeBackup = Volatile.Read(ref written);
            backup = await RunAsync(app.Database.Settings, "db", "backup", "--out", file);
            writtenAfterBackup = Volatile.Read(ref written);
            await WaitUntilAsync(() => Volatile.Read(ref written) >= writtenAfterBackup + 3);
            await stop.CancelAsync();
            await writer;
        }

        Assert.True(backup.Exit == 0, backup.Error);
        Assert.Contains("Backed up", backup.Output, StringComparison.Ordinal);

        await using var target = await TestDatabase.CreateAsync(app.Database.Provider);
        var restore = await RunAsync(target.Settings, "db", "restore", "--file", file);
        Assert.True(restore.Exit == 0, restore.Error);

        // The backup holds the rows committed before it began, maybe some written during it, none written after it.
        var restoredDrill = await DrillRowsAsync(target);
        Assert.InRange(restoredDrill.Count, writtenBeforeBackup, writtenAfterBackup + 1);
        Assert.Equal(Enumerable.Range(0, restoredDrill.Count).Select(DrillRow), restoredDrill);

        // Take the source back to the backup's moment by removing the later drill rows: then every table matches.
        await using (var source = TableChecksums.Context(app.Database))
        {
            var later = (await DrillRowsAsync(app.Database)).Skip(restoredDrill.Count).ToList();
            Assert.True(later.Count >= 3);
            foreach (var name in later)
                await source.Database.ExecuteSqlAsync($"DELETE FROM \"AddedBankHolidays\" WHERE \"Name\" = {name}");
        }

        // The materialised timetable is derived from the rest: the source's background refresh may have recomputed
        // it for the added bank holidays after the backup, and removing them with SQL queues nothing. It is compared
        // with a recompute from scratch elsewhere (MaterialisedTimetableTests); every other table must match.
        var expected = (await TableChecksums.OfAsync(app.Database)).Where(t => !MovedByBackgroundWork.Contains(t.Name)).ToList();
        var restored = (await TableChecksums.OfAsync(target)).Where(t => !MovedByBackgroundWork.Contains(t.Name)).ToList();
        Assert.Contains(expected, t => t.Name == "Children" && t.Rows > 0);
        Assert.Contains(expected, t => t.Name == "AspNetUsers" && t.Rows > 0);
        Assert.Equal(expected, restored);
    }

    [Fact]
    public async Task Restore_refuses_a_database_with_rows_names_its_tables_and_changes_nothing()
    {
        var file = Path.Combine(_directory, "refused.backup");
        var backup = await RunAsync(app.Database.Settings, "db", "backup", "--out", file);
        Assert.True(backup.Exit == 0, backup.Error);
        var before = await TableChecksums.OfAsync(app.Database);

        var (exit, _, error) = await RunAsync(app.Database.Settings, "db", "restore", "--file", file);

        Assert.Equal(1, exit);
        Assert.Contains("not empty", error, StringComparison.Ordinal);
        Assert.Contains("AspNetUsers", error, StringComparison.Ordinal);
        Assert.Contains("Children", error, StringComparison.Ordinal);
        Assert.Equal(before, await TableChecksums.OfAsync(app.Database));
    }

    [Fact]
    public async Task Restore_refuses_a_file_that_is_not_a_backup_and_writes_nothing()
    {
        var file = Path.Combine(_directory, "children.csv");
        await File.WriteAllTextAsync(file, "child,iro_email\nC1,helen@council.example\n");
        await using var target = await TestDatabase.CreateAsync(app.Database.Provider);

        var (exit, _, error) = await RunAsync(target.Settings, "db", "restore", "--file", file);

        Assert.Equal(1, exit);
        Assert.Contains("is not a backup made by 'iro db backup'", error, StringComparison.Ordinal);
        await using var db = TableChecksums.Context(target);
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Restore_refuses_a_backup_made_for_the_other_database()
    {
        var file = Path.Combine(_directory, "other.backup");
        var (header, expected) = app.Database.Provider == DatabaseProvider.Sqlite
            ? ("PGDMP", "is a PostgreSQL backup; the configured database is SQLite")
            : ("SQLite format 3\0", "is a SQLite backup; the configured database is PostgreSQL");
        await File.WriteAllTextAsync(file, header + new string(' ', 100));
        await using var target = await TestDatabase.CreateAsync(app.Database.Provider);

        var (exit, _, error) = await RunAsync(target.Settings, "db", "restore", "--file", file);

        Assert.Equal(1, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_a_file()
    {
        var file = Path.Combine(_directory, "existing.backup");
        await File.WriteAllTextAsync(file, "keep me");

        var (exit, _, error) = await RunAsync(app.Database.Settings, "db", "backup", "--out", file);

        Assert.Equal(1, exit);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(file));
    }

    protected static async Task<(int Exit, string Output, string Error)> RunAsync(IDictionary<string, string?> settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await IroCommandLine.RunAsync(args, output, error, settings);
        return (exit, output.ToString(), error.ToString());
    }

    protected TApp App => app;

    protected string BackupDirectory => _directory;

    private static string DrillRow(int n) => DrillName + n.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A write that bypasses the write audit, so the rows written after the backup are exactly these.</summary>
    private async Task AddDrillRowAsync(int n)
    {
        await using var db = TableChecksums.Context(app.Database);
        var name = DrillRow(n);
        var date = new DateOnly(2040, 1, 1).AddDays(n);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"AddedBankHolidays\" (\"Date\", \"Name\", \"CancelsGeneratedHoliday\", \"AddedBy\", \"AddedAt\") VALUES ({date}, {name}, {false}, {"backup drill"}, {IroAppFactory.Now})");
    }

    private static async Task<List<string>> DrillRowsAsync(TestDatabase database)
    {
        await using var db = TableChecksums.Context(database);
        return (await db.AddedBankHolidays.AsNoTracking().Where(h => h.Name.StartsWith(DrillName)).Select(h => h.Name).ToListAsync())
            .Order(StringComparer.Ordinal).ToList();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The writer made no progress.");
            await Task.Delay(10);
        }
    }
}

public sealed class BackupRestoreSqliteTests(SqliteApp app) : BackupRestoreTests<SqliteApp>(app);

public sealed class BackupRestorePostgresTests(PostgresApp app) : BackupRestoreTests<PostgresApp>(app)
{
    [Fact]
    public async Task A_missing_pg_dump_is_named_with_its_package_and_writes_nothing()
    {
        var file = Path.Combine(BackupDirectory, "no-tools.backup");
        var settings = new Dictionary<string, string?>(App.Database.Settings) { ["Database:ClientToolsPath"] = BackupDirectory };

        var (exit, _, error) = await RunAsync(settings, "db", "backup", "--out", file);

        Assert.Equal(1, exit);
        Assert.Contains("pg_dump was not found", error, StringComparison.Ordinal);
        Assert.Contains("postgresql-client", error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }
}
