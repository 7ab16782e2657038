using System.Diagnostics;
using System.Globalization;
using Iro.Ssda903;
using Iro.Ssda903.Synthetic;

namespace Iro.Bench;

/// <summary>The ssda903 verb: national-scale parse and validate timings.</summary>
internal static class Ssda903Bench
{
    public static Task<int> RunAsync(string[] args)
    {
        var children = IntOption(args, "--children", 120_000);
        var runs = IntOption(args, "--runs", 5);
        var year = CollectionYear.Parse(StringOption(args, "--year", "2025-26"));
        var given = StringOption(args, "--dir", string.Empty);
        var dump = StringOption(args, "--dump", string.Empty);
        var keep = Array.IndexOf(args, "--keep") >= 0 || given.Length > 0;
        var dir = given.Length > 0 ? given : Path.Combine(Path.GetTempPath(), "iro-bench-ssda903-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            var sw = Stopwatch.StartNew();
            if (given.Length > 0 && Directory.Exists(given))
            {
                Console.WriteLine("reading existing files (no generation in this process)");
            }
            else
            {
                Generate(children, year, dir, sw, Array.IndexOf(args, "--statutory-only") >= 0 ? SyntheticOptions.Default : SyntheticOptions.NationalBenchmark);
                GC.Collect();
            }

            var parse = new List<double>();
            var validate = new List<double>();
            var total = new List<double>();
            var cpu = new List<double>();
            var errors = 0;
            using var self = Process.GetCurrentProcess();
            for (var run = 0; run < runs; run++)
            {
                self.Refresh();
                var cpuBefore = self.TotalProcessorTime;
                var gcBefore = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration(), Jit: System.Runtime.JitInfo.GetCompilationTime(), Allocated: GC.GetTotalAllocatedBytes());
                sw.Restart();
                var read = Ssda903Reader.ReadDirectory(dir, year);
                var p = sw.Elapsed.TotalMilliseconds;
                var allocatedReading = GC.GetTotalAllocatedBytes() - gcBefore.Allocated;
                sw.Restart();
                var findings = Ssda903Validator.Validate(read.Return, year);
                var v = sw.Elapsed.TotalMilliseconds;
                self.Refresh();
                var c = (self.TotalProcessorTime - cpuBefore).TotalMilliseconds;
                var gc = $"GC {GC.CollectionCount(0) - gcBefore.Gen0}/{GC.CollectionCount(1) - gcBefore.Gen1}/{GC.CollectionCount(2) - gcBefore.Gen2} (gen 0/1/2), paused {(GC.GetTotalPauseDuration() - gcBefore.Pause).TotalMilliseconds:F0} ms; JIT {(System.Runtime.JitInfo.GetCompilationTime() - gcBefore.Jit).TotalMilliseconds:F0} ms; allocated {allocatedReading / 1048576.0:F0} MiB reading, {(GC.GetTotalAllocatedBytes() - gcBefore.Allocated - allocatedReading) / 1048576.0:F0} MiB validating";
                cpu.Add(c);
                errors = read.Findings.Count(f => f.Severity == FindingSeverity.Error) + findings.Count(f => f.Severity == FindingSeverity.Error);
                parse.Add(p);
                validate.Add(v);
                total.Add(p + v);
                if (run == 0)
                {
                    if (dump.Length > 0)
                    {
                        Ssda903Dump.Write(dump, read, findings);
                    }

                    Console.WriteLine($"read {read.Return.Header.Count:N0} children, {read.Return.Episodes.Count:N0} episodes, {read.Return.Reviews.Count:N0} reviews; {findings.Count:N0} findings");
                }

                Console.WriteLine($"run {run + 1}: parse {p:F0} ms, validate {v:F0} ms, total {p + v:F0} ms (CPU {c:F0} ms), errors {errors}; {gc}");
                read = null;
                GC.Collect();
            }

            self.Refresh();
            Console.WriteLine($"median: parse {Median(parse):F0} ms, validate {Median(validate):F0} ms, parse+validate {Median(total):F0} ms (min {total.Min():F0}, max {total.Max():F0}); CPU median {Median(cpu):F0} ms");
            Console.WriteLine($"peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MiB; processors {Environment.ProcessorCount}; {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
            return Task.FromResult(errors == 0 ? 0 : 3);
        }
        finally
        {
            if (!keep && Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private static void Generate(int children, CollectionYear year, string dir, Stopwatch sw, SyntheticOptions options)
    {
        var generated = SyntheticReturnGenerator.Generate(children, seed: 903, year, options);
        var generateMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var files = Ssda903Writer.WriteDirectory(generated, dir);
        var writeMs = sw.Elapsed.TotalMilliseconds;
        var bytes = files.Sum(f => new FileInfo(f).Length);
        Console.WriteLine($"year {year}: {generated.Header.Count:N0} children, {generated.Episodes.Count:N0} episodes, {generated.Reviews.Count:N0} reviews; {files.Count} files, {bytes / 1048576.0:F1} MiB");
        Console.WriteLine($"generate {generateMs:F0} ms, write {writeMs:F0} ms");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    internal static int IntOption(string[] args, string name, int fallback) =>
        int.TryParse(StringOption(args, name, string.Empty), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : fallback;

    internal static string StringOption(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
