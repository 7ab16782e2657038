using Iro.Domain.Calendar;
using Iro.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Timetable;

/// <summary>
/// The working-day calendar including administrators' additions and cancellations. Built once and cached
/// (the calendar caches each year's holidays itself); <see cref="Invalidate"/> after any change.
/// </summary>
public sealed class BankHolidayCalendar(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private WorkingDayCalendar? _cached;
    private int _version;

    public async Task<WorkingDayCalendar> GetAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _cached) is { } ready) return ready;
        await _gate.WaitAsync(ct);
        try
        {
            if (_cached is { } built) return built;
            var version = Volatile.Read(ref _version);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IroDbContext>();
            var entries = await db.AddedBankHolidays.AsNoTracking()
                .Select(h => new { h.Date, h.Name, h.CancelsGeneratedHoliday })
                .ToListAsync(ct);
            var calendar = new WorkingDayCalendar(
                entries.Where(e => !e.CancelsGeneratedHoliday).Select(e => new BankHoliday(e.Date, e.Name)),
                entries.Where(e => e.CancelsGeneratedHoliday).Select(e => e.Date));
            // A change made while loading must not be overwritten by the stale calendar.
            if (version == Volatile.Read(ref _version)) Volatile.Write(ref _cached, calendar);
            return calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        Volatile.Write(ref _cached, null);
    }
}
