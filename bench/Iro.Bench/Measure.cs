using System.Diagnostics;

namespace Iro.Bench;

internal static class Measure
{
    /// <summary>Runs the action once to warm up, then <paramref name="runs"/> times; returns the median.</summary>
    public static async Task<TimeSpan> MedianAsync(int runs, Func<Task> action)
    {
        await action();
        var times = new List<TimeSpan>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed);
        }

        times.Sort();
        return times[runs / 2];
    }
}
