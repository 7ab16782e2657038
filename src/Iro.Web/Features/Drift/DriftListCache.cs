using Iro.Web.Data;

namespace Iro.Web.Features.Drift;

/// <summary>
/// The service-wide drift list (every child, ranked), computed once per service day and <see cref="DataVersion"/>
/// and shared by every view in this instance. Concurrent first requests for a key share one computation. Only the
/// latest key is kept: a view with an older version (read just before a change) recomputes rather than serve it.
/// </summary>
/// <remarks>
/// The caller reads the version before the computation reads any data, so a list filed under a version never
/// holds older data than that version; at worst it holds newer, and the next view moves on to the new version.
/// </remarks>
public sealed class DriftListCache(IServiceScopeFactory scopes)
{
    private readonly Lock _gate = new();
    private (DateOnly Today, Guid Version, Task<IReadOnlyList<DriftChild>> List)? _latest;

    public Task<IReadOnlyList<DriftChild>> GetAsync(DateOnly today, Guid version)
    {
        lock (_gate)
        {
            if (_latest is { } latest && latest.Today == today && latest.Version == version && !latest.List.IsFaulted && !latest.List.IsCanceled)
                return latest.List;
            var list = ComputeAsync(today);
            _latest = (today, version, list);
            return list;
        }
    }

    /// <summary>In a scope of its own and without the request's cancellation: other views may be waiting for it.</summary>
    private async Task<IReadOnlyList<DriftChild>> ComputeAsync(DateOnly today)
    {
        await Task.Yield();
        await using var scope = scopes.CreateAsyncScope();
        var evaluator = scope.ServiceProvider.GetRequiredService<DriftEvaluator>();
        var all = await evaluator.EvaluateAsync(scope.ServiceProvider.GetRequiredService<IroDbContext>().Children, today, CancellationToken.None);
        return DriftQuery.Rank(all, today);
    }
}
