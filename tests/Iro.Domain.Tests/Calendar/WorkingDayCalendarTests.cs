using Iro.Domain.Calendar;
using Iro.Domain.Timetable;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Cal = WorkingDayCalendar.EnglandAndWales;

    // statutory-rules.md section 9.5: became looked after, 20th WD with day 0, 20th WD with day 1.
    [Theory]
    [InlineData("2020-04-24", "2020-05-26", "2020-05-22")]
    [InlineData("2021-12-20", "2022-01-20", "2022-01-19")]
    [InlineData("2022-05-27", "2022-06-28", "2022-06-27")]
    [InlineData("2022-09-01", "2022-09-30", "2022-09-29")]
    [InlineData("2023-04-20", "2023-05-22", "2023-05-19")]
    [InlineData("2026-12-14", "2027-01-14", "2027-01-13")]
    public void Worked_first_review_examples(string start, string dayZero, string dayOne)
    {
        Assert.Equal(D(dayZero), Cal.AddWorkingDays(D(start), 20));
        Assert.Equal(D(dayZero), ReviewTimetable.FirstReviewDue(D(start), Cal, new TimetableOptions()));
        Assert.Equal(D(dayOne), ReviewTimetable.FirstReviewDue(D(start), Cal, new TimetableOptions { StartDateIsDayZero = false }));
    }

    [Theory]
    // Christmas 2021: 25th a Saturday; 27 and 28 are substitutes; 24th (Fri) and 29th work.
    [InlineData("2021-12-24", true)]
    [InlineData("2021-12-25", false)]
    [InlineData("2021-12-27", false)]
    [InlineData("2021-12-28", false)]
    [InlineData("2021-12-29", true)]
    // Christmas 2022: 25th a Sunday; 26 Boxing Day, 27 substitute; 28th works.
    [InlineData("2022-12-23", true)]
    [InlineData("2022-12-26", false)]
    [InlineData("2022-12-27", false)]
    [InlineData("2022-12-28", true)]
    // Christmas 2020 (Friday) and 2026 (Friday)
    [InlineData("2020-12-24", true)]
    [InlineData("2020-12-25", false)]
    [InlineData("2020-12-28", false)]
    [InlineData("2020-12-29", true)]
    [InlineData("2026-12-28", false)]
    // One-offs and moved days
    [InlineData("2022-09-19", false)]
    [InlineData("2022-09-20", true)]
    [InlineData("2023-05-01", false)]
    [InlineData("2023-05-08", false)]
    [InlineData("2023-05-29", false)]
    [InlineData("2023-05-09", true)]
    [InlineData("2020-05-04", true)]
    [InlineData("2020-05-08", false)]
    [InlineData("2022-05-30", true)]
    [InlineData("2022-06-02", false)]
    [InlineData("2022-06-03", false)]
    // New Year: Saturday 2022 (Mon 3rd off), Sunday 2017 and 2023 (Mon 2nd off)
    [InlineData("2022-01-03", false)]
    [InlineData("2022-01-04", true)]
    [InlineData("2017-01-02", false)]
    [InlineData("2023-01-02", false)]
    [InlineData("2024-01-02", true)]
    // Weekends
    [InlineData("2024-06-08", false)]
    [InlineData("2024-06-09", false)]
    [InlineData("2024-06-10", true)]
    public void Is_working_day(string date, bool expected) => Assert.Equal(expected, Cal.IsWorkingDay(D(date)));

    [Theory]
    [InlineData("2022-06-04", "2022-07-01")] // entry on a Saturday (after the Jubilee)
    [InlineData("2023-05-29", "2023-06-26")] // entry on a bank holiday
    [InlineData("2021-12-25", "2022-01-26")] // entry on Christmas Day, a Saturday
    public void Entry_on_a_non_working_day_is_still_day_zero(string start, string due)
    {
        Assert.Equal(D(due), ReviewTimetable.FirstReviewDue(D(start), Cal, new TimetableOptions()));
        // With the start counting as day 1 a non-working start cannot be day 1, so the date is the same.
        Assert.Equal(D(due), ReviewTimetable.FirstReviewDue(D(start), Cal, new TimetableOptions { StartDateIsDayZero = false }));
    }

    [Theory]
    [InlineData("2022-06-01", "2022-06-01", 0)]
    [InlineData("2022-06-01", "2022-06-06", 1)] // 2 and 3 June holidays, weekend
    [InlineData("2022-05-27", "2022-06-28", 20)]
    [InlineData("2022-06-28", "2022-05-27", -20)]
    [InlineData("2022-06-04", "2022-06-05", 0)]
    [InlineData("2021-12-24", "2021-12-29", 1)]
    [InlineData("2021-12-20", "2022-12-20", 251)] // 261 weekdays less 10 weekday holidays
    public void Working_days_between(string from, string to, int expected) =>
        Assert.Equal(expected, Cal.WorkingDaysBetween(D(from), D(to)));

    [Theory]
    [InlineData("2022-06-06", -1, "2022-06-01")]
    [InlineData("2022-06-06", 0, "2022-06-06")]
    [InlineData("2022-06-04", 1, "2022-06-06")]
    public void Add_working_days_small_cases(string start, int n, string expected) =>
        Assert.Equal(D(expected), Cal.AddWorkingDays(D(start), n));

    [Fact]
    public void Additional_admin_holiday_shifts_a_due_date()
    {
        var start = D("2025-05-23");
        Assert.Equal(D("2025-06-23"), ReviewTimetable.FirstReviewDue(start, Cal, new TimetableOptions()));

        var withExtra = new WorkingDayCalendar([new BankHoliday(D("2025-06-02"), "Announced one-off holiday")]);
        Assert.False(withExtra.IsWorkingDay(D("2025-06-02")));
        Assert.Equal(D("2025-06-24"), ReviewTimetable.FirstReviewDue(start, withExtra, new TimetableOptions()));
        Assert.Contains(withExtra.HolidaysIn(2025), h => h.Name == "Announced one-off holiday");
    }

    [Fact]
    public void Cancelled_holiday_becomes_a_working_day()
    {
        var moved = new WorkingDayCalendar(
            [new BankHoliday(D("2030-05-10"), "Early May bank holiday")],
            [D("2030-05-06")]);
        Assert.True(moved.IsWorkingDay(D("2030-05-06")));
        Assert.False(moved.IsWorkingDay(D("2030-05-10")));
        Assert.False(Cal.IsWorkingDay(D("2030-05-06")));
    }
}
