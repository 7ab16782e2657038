using System.Globalization;
using Iro.Domain.Allocations;
using Iro.Domain.Officers;
using Iro.Web.Features.Caseloads;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Bench;

/// <summary>
/// <c>caseloads</c>: the 12-month month-end caseload trend (a) for a generated 120,000-child history in memory,
/// the computation alone; (b) through <see cref="CaseloadSource"/> for the demo borough in SQLite, reading the
/// IROs, episodes and allocations and computing, as the dashboard does.
/// </summary>
internal static class CaseloadBench
{
    private static readonly DateOnly Today = new(2026, 3, 31);

    public static async Task<int> RunAsync(string[] args)
    {
        var children = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 120_000;
        var databaseChildren = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 120_000;
        await InMemoryAsync(children);
        if (databaseChildren > 0) await FromDatabaseAsync(databaseChildren);
        return 0;
    }

    private static async Task InMemoryAsync(int count)
    {
        var (staff, episodes, allocations) = Generate(count, seed: 903);
        Console.WriteLine($"In memory: {count:N0} children, {episodes.Count:N0} episodes, {allocations.Count:N0} allocations, {staff.Count} IROs");
        var monthEnds = CaseloadCalculator.MonthEnds(Today);
        IReadOnlyList<CaseloadSnapshot> trend = [];
        var median = await Measure.MedianAsync(5, () =>
        {
            trend = CaseloadCalculator.On(monthEnds, staff, episodes, allocations);
            return Task.CompletedTask;
        });
        var last = trend[^1].Service;
        Console.WriteLine($"  12 month ends ({trend[0].On:yyyy-MM-dd} to {trend[^1].On:yyyy-MM-dd}; last {last.Children:N0} children, {last.PerFte} per FTE): median {median.TotalMilliseconds:N0} ms of 5");
    }

    private static async Task FromDatabaseAsync(int children)
    {
        await using var borough = await BenchDatabase.DemoBoroughAsync("caseloads", children, Today);
        Console.WriteLine($"From the database: {borough.Loaded}");
        var monthEnds = CaseloadCalculator.MonthEnds(Today);
        IReadOnlyList<CaseloadSnapshot> trend = [];
        var median = await Measure.MedianAsync(5, async () =>
        {
            await using var scope = borough.Services.CreateAsyncScope();
            trend = await scope.ServiceProvider.GetRequiredService<CaseloadSource>().OnAsync(monthEnds, CancellationToken.None);
        });
        var last = trend[^1].Service;
        Console.WriteLine($"  load + 12 month ends (last {last.Children:N0} children, {last.Headcount} IROs, {last.PerFte} per FTE): median {median.TotalMilliseconds:N0} ms of 5");
    }

    /// <summary>
    /// Children entering care between 2016 and 2026, a third leaving within a year and a quarter coming back;
    /// each period allocated a few days after it starts, one in five changing IRO half-way; IROs in post for
    /// different spans with an FTE change for one in four.
    /// </summary>
    private static (IReadOnlyList<StaffRecord> Staff, List<CareSpan> Episodes, List<AllocatedSpan> Allocations) Generate(int count, int seed)
    {
        var random = new Random(seed);
        var officers = Math.Max(10, count / 600);
        var staff = Enumerable.Range(1, officers).Select(id => new StaffRecord(
            id, id % 5 == 0 ? Employment.InHouse : Employment.Commissioned,
            new DateOnly(2015, 1, 1).AddDays(random.Next(0, 2000)),
            random.Next(4) == 0 ? new DateOnly(2022, 1, 1).AddDays(random.Next(0, 1500)) : null,
            random.Next(6, 11) / 10m,
            random.Next(4) == 0 ? [new FteChange(new DateOnly(2024, 1, 1).AddDays(random.Next(0, 800)), random.Next(5, 11) / 10m)] : [])).ToList();
        var episodes = new List<CareSpan>(count * 2);
        var allocations = new List<AllocatedSpan>(count * 2);
        for (var child = 1; child <= count; child++)
        {
            var start = new DateOnly(2016, 4, 1).AddDays(random.Next(0, 3650));
            var periods = random.Next(4) == 0 ? 2 : 1;
            for (var p = 0; p < periods && start <= Today; p++)
            {
                DateOnly? end = random.Next(3) == 0 ? start.AddDays(random.Next(30, 365)) : null;
                if (p == 0 && periods == 2 && end is null) end = start.AddDays(random.Next(30, 700));
                episodes.Add(new CareSpan(child, start, end));
                var from = start.AddDays(random.Next(0, 6));
                var officer = random.Next(1, officers + 1);
                if (random.Next(5) == 0)
                {
                    var change = from.AddDays(random.Next(20, 200));
                    if (end is null || change < end)
                    {
                        allocations.Add(new AllocatedSpan(child, officer, from, change));
                        (from, officer) = (change, random.Next(1, officers + 1));
                    }
                }

                if (end is null || from < end) allocations.Add(new AllocatedSpan(child, officer, from, end));
                if (end is not { } ended) break;
                start = ended.AddDays(random.Next(30, 400));
            }
        }

        return (staff, episodes, allocations);
    }
}
