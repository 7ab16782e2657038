using Iro.Domain.Children;
using Iro.Domain.Reviews;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Reviews;

public sealed class ReviewDatesTests
{
    private static readonly DateOnly Today = D("2026-11-27");

    // Looked after from 1 June 2024 to 31 March 2025, then again from 1 June 2025.
    private static readonly PeriodOfCare[] Periods =
    [
        new(D("2024-06-01"), D("2025-03-31"), []),
        new(D("2025-06-01"), null, []),
    ];

    [Theory]
    [InlineData("2026-11-20", "2026-06-27", null)]
    [InlineData("2026-11-27", "2026-06-27", null)]
    [InlineData("2026-11-28", "2026-06-27", "today or in the past")]
    [InlineData("2024-05-31", null, "not looked after on 31 May 2024")]
    [InlineData("2025-04-15", "2024-06-27", "not looked after on 15 April 2025")]
    [InlineData("2025-03-31", "2024-06-27", null)]
    [InlineData("2026-06-27", "2026-06-27", "after the previous review, held on 27 June 2026")]
    [InlineData("2026-05-01", "2026-06-27", "after the previous review")]
    public void Held_dates_are_checked_against_the_child_s_history(string heldOn, string? previous, string? problem)
    {
        var found = ReviewDates.HeldProblem(D(heldOn), Today, Periods, N(previous));
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found, StringComparison.Ordinal);
    }

    [Fact]
    public void The_previous_review_is_the_latest_other_held_review_before_this_one()
    {
        var first = new Review { HeldOn = D("2025-06-20"), Status = ReviewStatus.Held };
        var second = new Review { HeldOn = D("2025-12-01"), Status = ReviewStatus.Held };
        var deleted = new Review { HeldOn = D("2026-01-10"), Status = ReviewStatus.Held, IsDeleted = true };
        var cancelled = new Review { HeldOn = D("2026-02-10"), Status = ReviewStatus.Cancelled };
        var booked = new Review { HeldOn = D("2026-12-02"), Status = ReviewStatus.Planned };
        Review[] all = [first, second, deleted, cancelled, booked];

        Assert.Equal(D("2025-12-01"), ReviewDates.PreviousHeldOn(all, booked));
        Assert.Equal(D("2025-06-20"), ReviewDates.PreviousHeldOn(all, second));
        Assert.Null(ReviewDates.PreviousHeldOn(all, first));
    }

    [Theory]
    [InlineData("2026-11-27", 12, null)]
    [InlineData("2026-11-26", 12, "today or in the future")]
    [InlineData("2026-11-22", 12, "today or in the future")]
    [InlineData("2027-11-27", 12, null)]
    [InlineData("2027-11-28", 12, "within 12 months, on or before 27 November 2027")]
    [InlineData("2031-03-01", 12, "within 12 months")]
    [InlineData("2027-05-28", 6, "within 6 months, on or before 27 May 2027")]
    public void Bookings_and_postponements_are_from_today_within_the_horizon(string date, int horizonMonths, string? problem)
    {
        var found = ReviewDates.BookingProblem(D(date), Today, horizonMonths);
        if (problem is null) Assert.Null(found);
        else Assert.Contains(problem, found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-10", "2026-12-10", false)]
    [InlineData("2026-12-11", "2026-12-10", true)]
    [InlineData("2026-12-11", null, false)]
    public void A_date_after_the_due_date_is_warned_about(string date, string? dueOn, bool warned) =>
        Assert.Equal(warned, ReviewDates.LateWarning(D(date), N(dueOn)) is not null);

    [Theory]
    [InlineData(null, 0)]
    [InlineData("  venue  ", 5)]
    [InlineData("a\r\nb", 3)]
    [InlineData("a\nb", 3)]
    public void Lengths_count_line_breaks_once(string? text, int length) =>
        Assert.Equal(length, ReviewTextLimits.LengthOf(text));

    [Theory]
    [InlineData(200, false)]
    [InlineData(201, true)]
    public void Text_longer_than_its_limit_is_refused(int length, bool refused) =>
        Assert.Equal(refused, ReviewTextLimits.TooLong(new string('x', length), ReviewTextLimits.Venue, "Venue") is not null);

    [Fact]
    public void The_limit_message_follows_the_govuk_pattern() =>
        Assert.Equal("Venue must be 200 characters or fewer", ReviewTextLimits.TooLong(new string('x', 201), 200, "Venue"));
}
