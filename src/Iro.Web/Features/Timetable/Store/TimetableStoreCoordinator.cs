namespace Iro.Web.Features.Timetable.Store;

/// <summary>
/// What the instance shares between requests: one refresher at a time within the process (the database lease
/// orders instances), and the data part of the fingerprint for the data version it was computed at, so a request
/// that finds the store fresh costs a few single-row queries.
/// </summary>
public sealed class TimetableStoreCoordinator : IDisposable
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    private volatile CachedDataPart? _dataPart;

    /// <summary>The data part cached for this data version and configured history start, if any.</summary>
    public string? DataPartFor(Guid dataVersion, DateOnly? configuredHistoryStart) =>
        _dataPart is { } cached && cached.DataVersion == dataVersion && cached.ConfiguredHistoryStart == configuredHistoryStart ? cached.Text : null;

    public void Remember(Guid dataVersion, DateOnly? configuredHistoryStart, string dataPart) =>
        _dataPart = new CachedDataPart(dataVersion, configuredHistoryStart, dataPart);

    public void Dispose() => Gate.Dispose();

    private sealed record CachedDataPart(Guid DataVersion, DateOnly? ConfiguredHistoryStart, string Text);
}
