using System.Diagnostics;
using Iro.Web.Access;
using Iro.Web.Features;
using Iro.Web.Features.Drift;
using Microsoft.Extensions.DependencyInjection;

namespace Iro.Bench;

/// <summary>
/// <c>drift</c>: the service drift list (a manager's view, every child) for the demo borough scaled to 10,000
/// children in SQLite: each page view loads the data, applies the drift rules to every child, ranks and pages.
/// Reports the median and 95th percentile per page view.
/// </summary>
internal static class DriftBench
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);

    public static async Task<int> RunAsync(string[] args)
    {
        var children = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var views = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40;
        await using var borough = await BenchDatabase.DemoBoroughAsync("drift", children, AsOf);
        Console.WriteLine(borough.Loaded);
        var manager = new CurrentUser("bench", "Bench manager", new HashSet<string> { Roles.Manager }, null, null) { Today = AsOf };
        var times = new List<double>(views);
        var (listed, items, shown) = (0, 0, 0);
        for (var i = 0; i <= views; i++)
        {
            var watch = Stopwatch.StartNew();
            // A fresh scope per view, as for a request.
            await using var scope = borough.Services.CreateAsyncScope();
            var list = await scope.ServiceProvider.GetRequiredService<DriftQuery>().RunAsync(manager, AsOf, null, null, CancellationToken.None);
            var page = list.PageOf(1 + (i % 3));
            watch.Stop();
            (listed, items, shown) = (list.Count, list.Sum(c => c.Items.Count), page.Rows.Count);
            if (i > 0) times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine($"Drift list: {listed:N0} children with {items:N0} items, {shown} on a page; {views} page views after one warm-up: median {At(0.5):N0} ms, p95 {At(0.95):N0} ms");
        return 0;
    }
}
