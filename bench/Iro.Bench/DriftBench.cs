using System.Diagnostics;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features;
using Iro.Web.Features.Drift;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Bench;

/// <summary>
/// <c>drift</c>: the service drift list (a manager's view, every child) for the demo borough scaled to 10,000
/// children in SQLite. Times page views right after a change (the data version moved, so the service list is
/// loaded, evaluated and ranked again) and page views with nothing changed (version read, access applied, paged).
/// </summary>
internal static class DriftBench
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);
    private const int ColdRuns = 5;

    private static string Percentiles(List<double> times)
    {
        times.Sort();
        double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        return $"median {At(0.5):N1} ms, p95 {At(0.95):N1} ms, p99 {At(0.99):N1} ms, max {times[^1]:N1} ms";
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var kept = BenchArgs.Take(ref args, "--db") is { } db ? Path.GetFullPath(db) : null;
        var children = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var views = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 400;
        await using var borough = await BenchDatabase.DemoBoroughAsync("drift", children, AsOf, kept);
        Console.WriteLine(borough.Loaded);

        var manager = new CurrentUser("bench", "Bench manager", new HashSet<string> { Roles.Manager }, null, null) { Today = AsOf };
        var (listed, items, shown) = (0, 0, 0);
        async Task<double> ViewAsync(int page)
        {
            var watch = Stopwatch.StartNew();
            // A fresh scope per view, as for a request.
            await using var scope = borough.Services.CreateAsyncScope();
            var list = await scope.ServiceProvider.GetRequiredService<DriftQuery>().RunAsync(manager, AsOf, null, null, CancellationToken.None);
            var rows = list.PageOf(page).Rows.Count;
            watch.Stop();
            (listed, items, shown) = (list.Count, list.Sum(c => c.Items.Count), rows);
            return watch.Elapsed.TotalMilliseconds;
        }

        // A view right after a change: the data version moves, so the service list is computed again.
        var cold = new List<double>(ColdRuns);
        for (var i = 0; i < ColdRuns; i++)
        {
            await using (var scope = borough.Services.CreateAsyncScope())
                await DataVersion.MoveNowAsync(scope.ServiceProvider.GetRequiredService<IroDbContext>(), CancellationToken.None);
            cold.Add(await ViewAsync(1));
        }

        // Views with nothing changed in between: the version is read and the computed list reused.
        var times = new List<double>(views);
        for (var i = 0; i < views; i++) times.Add(await ViewAsync(1 + (i % 3)));

        Console.WriteLine($"Drift list: {listed:N0} children with {items:N0} items, {shown} on a page");
        Console.WriteLine($"After a change (list computed again), {ColdRuns} views: {Percentiles(cold)}");
        Console.WriteLine($"No change since the last view, {views} views: {Percentiles(times)}");
        return 0;
    }
}
