namespace Iro.Domain.Calendar;

/// <summary>
/// The service's own calendar day. An English council works to UK time, so "today" is the date in
/// Europe/London whatever zone the server runs in (a review due today is due today at 00:30 BST too).
/// </summary>
public static class ServiceClock
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly ServiceToday(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
    }
}
