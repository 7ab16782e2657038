using System.Diagnostics;
using Iro.Ssda903;
using Iro.Ssda903.Synthetic;
using Iro.Web.Data;
using Iro.Web.Features.Interchange;
using Microsoft.EntityFrameworkCore;

namespace Iro.Bench;

/// <summary>The ssda903-import verb: a national-scale return read, checked and merged into an empty SQLite database.</summary>
internal static class Ssda903ImportBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var children = Ssda903Bench.IntOption(args, "--children", 120_000);
        var year = CollectionYear.Parse(Ssda903Bench.StringOption(args, "--year", "2025-26"));
        var given = Ssda903Bench.StringOption(args, "--dir", string.Empty);
        var work = Directory.CreateTempSubdirectory("iro-bench-903-import-").FullName;
        var dir = given.Length > 0 ? given : Path.Combine(work, "return");
        var dbFile = Path.Combine(work, "iro.db");
        try
        {
            if (!Directory.Exists(dir) || Directory.GetFiles(dir, "*.csv").Length == 0)
            {
                var generated = SyntheticReturnGenerator.Generate(children, seed: 903, year, SyntheticOptions.NationalBenchmark);
                Ssda903Writer.WriteDirectory(generated, dir, year);
                Console.WriteLine($"generated {generated.Header.Count:N0} children, {generated.Episodes.Count:N0} episodes, {generated.Reviews.Count:N0} reviews");
                generated = null;
                GC.Collect();
            }
            else
            {
                Console.WriteLine("reading existing files (no generation in this process)");
            }

            var options = new DbContextOptionsBuilder<SqliteIroDbContext>().UseSqlite($"Data Source={dbFile};Pooling=False").Options;
            await using var db = new SqliteIroDbContext(options);
            await db.Database.MigrateAsync();

            using var self = Process.GetCurrentProcess();
            self.Refresh();
            var cpuBefore = self.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var read = Ssda903Importer.Read([dir], year);
            var readMs = clock.Elapsed.TotalMilliseconds;
            var stages = new StageTimes(clock);
            var outcome = await new Ssda903Importer(db, TimeProvider.System).ImportAsync(
                read, "benchmark", new ImportUser("bench", "bench"), acceptWarnings: true, stages, CancellationToken.None);
            var totalMs = clock.Elapsed.TotalMilliseconds;
            self.Refresh();
            var cpuMs = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds;

            if (outcome.Status != ImportStatus.Imported)
            {
                Console.WriteLine($"not imported: {outcome.Status}, {outcome.Errors} errors; first: {outcome.Findings.Select(FindingText.Describe).FirstOrDefault()}");
                return 3;
            }

            var r = outcome.Record!;
            Console.WriteLine($"imported {r.ChildrenAdded:N0} children, {r.EpisodesAdded:N0} episodes, {r.ReviewsAdded:N0} reviews, {r.OtherAdded:N0} other rows; {outcome.Warnings} warnings");
            Console.WriteLine($"read {readMs:F0} ms, validate {stages.WritingStarted - readMs:F0} ms, write {totalMs - stages.WritingStarted:F0} ms, total {totalMs:F0} ms (CPU {cpuMs:F0} ms)");
            Console.WriteLine($"database {new FileInfo(dbFile).Length / 1048576.0:F0} MiB; peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MiB; processors {Environment.ProcessorCount}; {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Notes when writing starts, to split validation time from write time.</summary>
    private sealed class StageTimes(Stopwatch clock) : IProgress<ImportProgress>
    {
        public double WritingStarted { get; private set; }

        public void Report(ImportProgress value)
        {
            if (value.Stage == ImportStage.Writing && WritingStarted == 0) WritingStarted = clock.Elapsed.TotalMilliseconds;
        }
    }
}
