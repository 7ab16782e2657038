using Iro.Domain.Calendar;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Rules;

public sealed class ServiceClockAndDeadlineTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    [Theory]
    [InlineData("2026-06-30T23:30:00Z", "2026-07-01")] // British Summer Time: already the next day in London
    [InlineData("2026-06-30T22:59:59Z", "2026-06-30")]
    [InlineData("2026-12-31T23:30:00Z", "2026-12-31")] // GMT: London is on UTC
    [InlineData("2026-03-29T00:30:00Z", "2026-03-29")] // the night the clocks go forward
    public void Today_is_the_date_in_London_whatever_the_server_zone(string utc, string expected)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(D(expected), clock.ServiceToday());
    }

    // Held Thursday 5 November 2026; 5 working days later is Thursday 12 November.
    [Theory]
    [InlineData("2026-11-06", null, 0, DeadlineState.NotYetDue)]
    [InlineData("2026-11-12", null, 0, DeadlineState.NotYetDue)]
    [InlineData("2026-11-13", null, 0, DeadlineState.Overdue)]
    [InlineData("2026-11-09", null, 3, DeadlineState.DueSoon)] // 3 working days before Thursday 12th is Monday 9th
    [InlineData("2026-11-06", null, 3, DeadlineState.NotYetDue)]
    [InlineData("2026-11-08", null, 3, DeadlineState.NotYetDue)]
    [InlineData("2026-11-12", null, 3, DeadlineState.DueSoon)]
    [InlineData("2026-12-31", "2026-11-12", 3, DeadlineState.OnTime)]
    [InlineData("2026-12-31", "2026-11-13", 3, DeadlineState.Late)]
    public void A_working_day_deadline_is_due_due_soon_overdue_or_met(string today, string? done, int dueSoonWorkingDays, DeadlineState expected)
    {
        var deadline = WorkingDayDeadline.Counting(D("2026-11-05"), 5, Calendar, dueSoonWorkingDays);

        Assert.Equal(D("2026-11-12"), deadline.DueOn);
        Assert.Equal(expected, deadline.StateOn(D(today), N(done)));
    }

    [Fact]
    public void A_deadline_over_christmas_skips_the_bank_holidays()
    {
        // Wednesday 23 December 2026 + 5 working days: 24, 29, 30, 31 December (Christmas Day is a Friday, the
        // Boxing Day holiday moves to Monday 28th), then Monday 4 January (New Year's Day is a Friday).
        var deadline = WorkingDayDeadline.Counting(D("2026-12-23"), 5, Calendar);

        Assert.Equal(D("2027-01-04"), deadline.DueOn);
    }
}
