using System.Diagnostics;
using Iro.Ssda903;
using Iro.Ssda903.Synthetic;
using Iro.Web.Features.Interchange;

namespace Iro.Bench;

/// <summary>
/// The ssda903-import verb: a national-scale return read, checked and merged into an empty SQLite database, then
/// imported again unchanged, then exported; the same on PostgreSQL when a server is given (<c>--postgres</c> or
/// <c>IRO_TEST_POSTGRES</c>). Each step prints its wall-clock and CPU time and the process's peak working set.
/// </summary>
internal static class Ssda903ImportBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var children = Ssda903Bench.IntOption(args, "--children", 120_000);
        var year = CollectionYear.Parse(Ssda903Bench.StringOption(args, "--year", "2025-26"));
        var given = Ssda903Bench.StringOption(args, "--dir", string.Empty);
        var keptDatabase = Ssda903Bench.StringOption(args, "--keep-db", string.Empty);
        var postgres = Ssda903Bench.StringOption(args, "--postgres", Environment.GetEnvironmentVariable("IRO_TEST_POSTGRES") ?? string.Empty);
        var only = Ssda903Bench.StringOption(args, "--only", string.Empty);
        var export = !args.Contains("--no-export");
        using var spans = args.Contains("--verbose") ? MergeSpans() : null;
        var work = Directory.CreateTempSubdirectory("iro-bench-903-import-").FullName;
        var dir = given.Length > 0 ? given : Path.Combine(work, "return");
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

            Console.WriteLine($"processors {Environment.ProcessorCount}; {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; load average {LoadAverage()}");
            var result = 0;
            if (only is "" or "sqlite")
            {
                var file = keptDatabase.Length > 0 ? Path.GetFullPath(keptDatabase) : Path.Combine(work, "iro.db");
                result |= await RunOnAsync(await ImportBenchTarget.SqliteAsync(file, keptDatabase.Length > 0), dir, year, work, export);
            }

            if (only is "" or "postgres")
            {
                if (postgres.Length == 0) Console.WriteLine("PostgreSQL skipped: give --postgres CONNECTION or set IRO_TEST_POSTGRES");
                else result |= await RunOnAsync(await ImportBenchTarget.PostgresAsync(postgres), dir, year, work, export);
            }

            return result;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Import into the empty database, import the same files again, export the year (unless told not to); each timed.</summary>
    private static async Task<int> RunOnAsync(ImportBenchTarget target, string dir, CollectionYear year, string work, bool export)
    {
        await using (target)
        {
            Console.WriteLine($"{target.Name}:");
            foreach (var step in new[] { "import", "re-import" })
            {
                var span = Span.Start();
                var read = Ssda903Importer.Read([dir], year);
                var readMs = span.WallMs;
                var stages = new StageTimes(span.Clock);
                var outcome = await target.ImportAsync(read, stages);
                var (wallMs, cpuMs) = (span.WallMs, span.CpuMs);
                if (outcome.Status != ImportStatus.Imported)
                {
                    Console.WriteLine($"  not imported: {outcome.Status}, {outcome.Errors} errors; first: {outcome.Findings.Select(FindingText.Describe).FirstOrDefault()}");
                    return 3;
                }

                var r = outcome.Record!;
                Console.WriteLine($"  {step}: added {r.ChildrenAdded:N0} children, {r.EpisodesAdded:N0} episodes, {r.ReviewsAdded:N0} reviews, {r.OtherAdded:N0} other rows; " +
                    $"updated {r.ChildrenUpdated + r.EpisodesUpdated + r.ReviewsUpdated + r.OtherUpdated:N0}; {outcome.Warnings} warnings");
                Console.WriteLine($"  {step}: read {readMs:N0} ms, check {stages.WritingStarted - readMs:N0} ms, write {wallMs - stages.WritingStarted:N0} ms, " +
                    $"total {wallMs:N0} ms (CPU {cpuMs:N0} ms); peak working set {Span.PeakMiB():N0} MiB; load average {LoadAverage()}");
                read = null;
                GC.Collect();
            }

            if (export)
            {
                var span = Span.Start();
                var (ret, findings, files) = await target.ExportAsync(year, Path.Combine(work, $"export-{target.Name}"));
                Console.WriteLine($"  export: {ret.Header.Count:N0} children, {ret.Episodes.Count:N0} episodes, {ret.Reviews.Count:N0} reviews, {files.Count} files, {findings.Count} findings " +
                    $"in {span.WallMs:N0} ms (CPU {span.CpuMs:N0} ms); peak working set {Span.PeakMiB():N0} MiB");
            }

            Console.WriteLine($"  {await target.Describe()}");
            return 0;
        }
    }

    /// <summary>Prints each traced step of the merge (one per table, and the commit) as it ends: the profile of the write.</summary>
    private static ActivityListener MergeSpans()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Iro.Web.Operations.Telemetry.IroTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity => activity.SetCustomProperty("cpu", ProcessCpu()),
            ActivityStopped = activity => Console.WriteLine(
                $"    {activity.DisplayName}: {activity.Duration.TotalMilliseconds:N0} ms (CPU {(ProcessCpu() - (TimeSpan)activity.GetCustomProperty("cpu")!).TotalMilliseconds:N0} ms); " +
                $"working set {Environment.WorkingSet / 1048576.0:N0} MiB, managed heap {GC.GetTotalMemory(forceFullCollection: false) / 1048576.0:N0} MiB"),
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Wall-clock and CPU time of the process since the span started.</summary>
    private sealed class Span
    {
        private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

        public Stopwatch Clock { get; } = Stopwatch.StartNew();
        public double WallMs => Clock.Elapsed.TotalMilliseconds;
        public double CpuMs => (Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalMilliseconds;

        public static Span Start() => new();

        public static double PeakMiB()
        {
            using var self = Process.GetCurrentProcess();
            return self.PeakWorkingSet64 / 1048576.0;
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
