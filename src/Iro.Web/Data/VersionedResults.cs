using Iro.Web.Access;
using Microsoft.Extensions.Caching.Memory;

namespace Iro.Web.Data;

/// <summary>
/// Results of service-wide queries (a page's counts and rows) kept in memory per <see cref="DataVersion"/>, service
/// day, user and parameters: a view with nothing changed since the last is answered without querying again, and any
/// change to a record moves the version, so the next view computes afresh. The key holds everything the answer
/// depends on (the user's id, roles, IRO and agency decide their scope), so one user never sees another's rows.
/// </summary>
/// <remarks>
/// The version is read before the computation reads any data, so a result filed under a version never holds older
/// data than that version. Concurrent first requests for a key share one computation, which runs in its own scope
/// and without the request's cancellation, because other views may be waiting for it. A failed computation is not
/// kept. Results must be immutable: every view with the key shares the same object.
/// </remarks>
public sealed class VersionedResults(IServiceScopeFactory scopes) : IDisposable
{
    /// <summary>How many results are kept; the least recently used beyond it are dropped first.</summary>
    internal const int Capacity = 512;

    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private readonly Lock _gate = new();

    public async Task<T> GetAsync<T>(
        IroDbContext db, string query, CurrentUser user, object parameters, DateOnly today,
        Func<IServiceProvider, Task<T>> compute, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(compute);
        var version = await DataVersion.CurrentAsync(db, ct);
        var key = new Key(query, UserKey(user), parameters, today, version);
        Task<object> result;
        lock (_gate)
        {
            if (!_cache.TryGetValue(key, out Task<object>? kept) || kept is null || kept.IsFaulted || kept.IsCanceled)
            {
                // The computation must not carry the request's context: it may outlive the request that starts it.
                using (ExecutionContext.SuppressFlow()) kept = Task.Run(() => ComputeAsync(compute), CancellationToken.None);
                _cache.Set(key, kept, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unused });
            }

            result = kept;
        }

        return (T)await result.WaitAsync(ct);
    }

    private async Task<object> ComputeAsync<T>(Func<IServiceProvider, Task<T>> compute) where T : class
    {
        await using var scope = scopes.CreateAsyncScope();
        return await compute(scope.ServiceProvider);
    }

    private static string UserKey(CurrentUser user) =>
        string.Join('|', user.UserId, string.Join(',', user.Roles.Order(StringComparer.Ordinal)), user.ReviewingOfficerId, user.Agency);

    public void Dispose() => _cache.Dispose();

    /// <summary><paramref name="Parameters"/> is compared by value: a string, a tuple or a record of the filters.</summary>
    private sealed record Key(string Query, string User, object Parameters, DateOnly Today, Guid Version);
}
