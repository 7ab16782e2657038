using Iro.Domain.Calendar;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Timetable.Store;

/// <summary>
/// Brings the materialised timetable up to date soon after a write (and after midnight), so the first page viewed
/// after an import is not the one that pays for the recompute.
/// </summary>
public sealed class TimetableStoreDrainer(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<TimetableStoreOptions> options, ILogger<TimetableStoreDrainer> log) : BackgroundService
{
    private bool _migrated;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.DrainSeconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.DrainSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Bringing the stored timetables up to date failed; it is tried again shortly");
            }
        }
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
        // Before the database is migrated there is nothing to keep.
        _migrated = _migrated || !(await db.Database.GetPendingMigrationsAsync(ct)).Any();
        if (!_migrated) return;
        await scope.ServiceProvider.GetRequiredService<TimetableStore>().EnsureFreshAsync(clock.ServiceToday(), ct);
    }
}
