using Microsoft.Extensions.DependencyInjection;
using Iro.Domain.Calendar;
using Iro.Domain.Timetable;
using Iro.Web.Features.Reporting;
using Iro.Web.Features.Timetable;

namespace Iro.Bench;

/// <summary>
/// <c>timetable</c>: (a) every timetable and a year's timeliness for 120,000 generated children in memory;
/// (b) the same through the timetable service for the demo borough scaled to 10,000 children in SQLite.
/// </summary>
internal static class TimetableBench
{
    private static readonly DateOnly AsOf = new(2026, 3, 31);
    private static readonly ReportingYear Year = new(2025);

    public static async Task<int> RunAsync(string[] args)
    {
        // --db PATH keeps the seeded borough so a later run skips seeding.
        var kept = Ssda903Bench.StringOption(args, "--db", string.Empty);
        var children = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 120_000;
        await InMemoryAsync(children);
        await FromDatabaseAsync(10_000, kept.Length > 0 ? Path.GetFullPath(kept) : null);
        return 0;
    }

    private static async Task InMemoryAsync(int count)
    {
        var generated = TimetableGenerator.Generate(count, AsOf, seed: 903);
        Console.WriteLine($"In memory: {generated.Count:N0} children, {generated.Sum(c => c.Episodes.Count):N0} episodes, {generated.Sum(c => c.Reviews.Count):N0} reviews");
        var calendar = new WorkingDayCalendar();
        var options = new TimetableOptions();
        TimelinessFigures? total = null;
        var median = await Measure.MedianAsync(5, () =>
        {
            var timetables = new ChildTimetable[generated.Count];
            for (var i = 0; i < generated.Count; i++)
                timetables[i] = ReviewTimetable.Compute(generated[i].Episodes, generated[i].Reviews, calendar, options);
            total = TimelinessReport.For(timetables.SelectMany(t => t.AllReviews), Year).Total;
            return Task.CompletedTask;
        });
        Console.WriteLine($"  compute every timetable + {Year} timeliness ({total!.OnTime:N0}/{total.Held:N0} = {total.Percent}%): median {median.TotalMilliseconds:N0} ms of 5");
    }

    private static async Task FromDatabaseAsync(int children, string? keptFile)
    {
        await using var borough = await BenchDatabase.DemoBoroughAsync("timetable", children, AsOf, keptFile);
        Console.WriteLine($"From the database: {borough.Loaded}");
        TimelinessFigures? total = null;
        var entries = 0;
        var median = await Measure.MedianAsync(5, async () =>
        {
            // A fresh scope each run, as for a request; the holiday calendar stays cached as in the app.
            await using var scope = borough.Services.CreateAsyncScope();
            var loaded = await scope.ServiceProvider.GetRequiredService<TimetableService>().LoadAllAsync(Year.End, CancellationToken.None);
            entries = loaded.Count;
            total = TimelinessReport.For(loaded.SelectMany(e => e.Timetable.AllReviews), Year).Total;
        });
        Console.WriteLine($"  load {entries:N0} children + compute {Year} timeliness ({total!.OnTime:N0}/{total.Held:N0} = {total.Percent}%): median {median.TotalMilliseconds:N0} ms of 5");
    }
}
