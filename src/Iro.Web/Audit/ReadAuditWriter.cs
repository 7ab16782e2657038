using System.Threading.Channels;
using Iro.Web.Data;

namespace Iro.Web.Audit;

/// <summary>
/// Writes read entries of the audit trail with group commit: every request that opens a child's record waits until
/// its entry is committed (the answer never goes out unaudited), but the entries of requests arriving together are
/// saved by one writer in one transaction. Without it, concurrent reads each took the database's single write lock
/// in turn, and on SQLite a request that found it taken slept before retrying: under load that was most of the
/// time a child's page or API answer took.
/// </summary>
public sealed class ReadAuditWriter(IServiceScopeFactory scopes, ILogger<ReadAuditWriter> log) : IAsyncDisposable
{
    /// <summary>More than this many waiting entries are saved in further batches, so one transaction stays short.</summary>
    internal const int MaxBatch = 500;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private Task? _writer;

    /// <summary>Completes when the entry is committed; faults, like a direct save would, when the batch fails.</summary>
    public Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var pending = new Pending(entry, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        lock (_gate)
        {
            // The writer outlives the request that starts it: it must not carry that request's context (its user).
            if (_writer is null)
                using (ExecutionContext.SuppressFlow()) _writer = Task.Run(WriteBatchesAsync, CancellationToken.None);
        }

        // A request that goes away does not take its entry with it: the read happened.
        return pending.Committed.Task.WaitAsync(ct);
    }

    private async Task WriteBatchesAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
                db.AuditEntries.AddRange(batch.Select(p => p.Entry));
                await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
                foreach (var pending in batch) pending.Committed.TrySetResult();
            }
#pragma warning disable CA1031 // Every waiting request gets the failure; the writer keeps serving the next batch.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                log.LogError(ex, "Saving {Count} read entries of the audit trail failed", batch.Count);
                foreach (var pending in batch) pending.Committed.TrySetException(ex);
            }

            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        Task? writer;
        lock (_gate) writer = _writer;
        if (writer is not null) await writer.ConfigureAwait(false);
    }

    private sealed record Pending(AuditEntry Entry, TaskCompletionSource Committed);
}
