using System.Globalization;
using Iro.Domain.Timetable;
using Iro.Ssda903;
using Iro.Web.Features.AnnualReport;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Bench;

/// <summary>
/// <c>annual-report</c>: the full annual report (figures for the year and the year before, laid out and rendered)
/// over a national-scale history in SQLite (a generated 120,000-child 2025-26 return imported as the product
/// imports one), in each format, as the download and <c>iro report annual</c> produce it: one fresh scope per run,
/// loading everything from the database.
/// </summary>
internal static class AnnualReportBench
{
    private static readonly ReportingYear Year = new(2025);

    public static async Task<int> RunAsync(string[] args)
    {
        var children = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 120_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        await using var history = await BenchDatabase.NationalReturnAsync("annual-report", children, CollectionYear.Parse(Year.ToString()));
        Console.WriteLine(history.Loaded);
        foreach (var format in new[] { "json", "html", "docx", "xlsx" })
        {
            var bytes = 0;
            var median = await Measure.MedianAsync(runs, async () =>
            {
                await using var scope = history.Services.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<AnnualReportBook>().RenderAsync(Year, format, CancellationToken.None);
                bytes = report.Content.Length;
            });
            Console.WriteLine($"  annual report {Year} as {format} ({bytes:N0} bytes): median {median.TotalMilliseconds:N0} ms of {runs}");
        }

        return 0;
    }
}
