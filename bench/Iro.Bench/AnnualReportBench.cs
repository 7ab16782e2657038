using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Iro.Domain.Timetable;
using Iro.Ssda903;
using Iro.Web.Features.AnnualReport;
using Iro.Web.Operations.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Bench;

/// <summary>
/// <c>annual-report</c>: the full annual report (figures for the year and the year before, laid out and rendered)
/// over a national-scale history in SQLite (a generated 120,000-child 2025-26 return imported as the product
/// imports one), in each format, as the download and <c>iro report annual</c> produce it: one fresh scope per run,
/// loading everything from the database. Prints the time of each section of the last run (the report's
/// <see cref="ReportSpans"/>) and the process's CPU time per run.
/// </summary>
internal static class AnnualReportBench
{
    private static readonly ReportingYear Year = new(2025);

    public static async Task<int> RunAsync(string[] args)
    {
        var kept = BenchArgs.Take(ref args, "--db") is { } db ? Path.GetFullPath(db) : null;
        string[] formats = BenchArgs.Take(ref args, "--format") is { } only ? [only] : ["json", "html", "docx", "xlsx"];
        var children = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 120_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        await using var history = await BenchDatabase.NationalReturnAsync("annual-report", children, CollectionYear.Parse(Year.ToString()), kept);
        Console.WriteLine(history.Loaded);

        // Wall-clock and CPU time per section: the sections run one after another, so the process's CPU time
        // across a section is that section's (the machine may be shared; CPU time is what the code costs).
        var spans = new ConcurrentDictionary<string, (TimeSpan Wall, TimeSpan Cpu)>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == IroTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStarted = activity => activity.SetCustomProperty("cpu", CpuTime()),
            ActivityStopped = activity =>
            {
                if (!activity.OperationName.StartsWith(ReportSpans.Prefix, StringComparison.Ordinal)) return;
                var cpu = CpuTime() - (TimeSpan)activity.GetCustomProperty("cpu")!;
                spans.AddOrUpdate(activity.OperationName[ReportSpans.Prefix.Length..], (activity.Duration, cpu), (_, sum) => (sum.Wall + activity.Duration, sum.Cpu + cpu));
            },
        };
        ActivitySource.AddActivityListener(listener);

        foreach (var format in formats)
        {
            var bytes = 0;
            var cpu = new List<TimeSpan>();
            var median = await Measure.MedianAsync(runs, async () =>
            {
                spans.Clear();
                var cpuBefore = CpuTime();
                await using var scope = history.Services.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<AnnualReportBook>().RenderAsync(Year, format, CancellationToken.None);
                bytes = report.Content.Length;
                cpu.Add(CpuTime() - cpuBefore);
            });
            cpu.RemoveAt(0); // the warm-up
            cpu.Sort();
            Console.WriteLine($"  annual report {Year} as {format} ({bytes:N0} bytes): median {median.TotalMilliseconds:N0} ms of {runs}, CPU median {cpu[cpu.Count / 2].TotalMilliseconds:N0} ms");
            Console.WriteLine("    last run: " + string.Join(", ", spans.OrderByDescending(s => s.Value.Wall).Select(s => $"{s.Key} {s.Value.Wall.TotalMilliseconds:N0} ms (CPU {s.Value.Cpu.TotalMilliseconds:N0} ms)")));
        }

        return 0;
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
