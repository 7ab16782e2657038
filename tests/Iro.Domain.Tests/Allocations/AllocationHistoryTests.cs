using Iro.Domain.Allocations;
using Iro.Domain.Calendar;
using Iro.Domain.Children;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Allocations;

public class AllocationHistoryTests
{
    private static readonly WorkingDayCalendar Cal = WorkingDayCalendar.EnglandAndWales;

    // Two periods of care: 3 April – 1 October 2017 (ceased on 1 October), and from 5 February 2018, open.
    private static readonly PeriodOfCare First = new(D("2017-04-03"), D("2017-10-01"), []);
    private static readonly PeriodOfCare Second = new(D("2018-02-05"), null, []);
    private static readonly PeriodOfCare[] Periods = [First, Second];

    private static AllocationSpan S(int officer, string from, string? to = null) => new(officer, D(from), N(to));

    public static TheoryData<string, AllocationSpan[], string[]> Histories => new()
    {
        { "one open allocation inside the open period", [S(1, "2018-02-06")], [] },
        { "a change of IRO: the first row's to is the next row's from", [S(1, "2017-04-04", "2017-06-01"), S(2, "2017-06-01", "2017-10-01"), S(2, "2018-02-05")], [] },
        { "to before from", [S(1, "2017-05-01", "2017-04-30")], ["0 to"] },
        { "to equal to from is empty", [S(1, "2017-05-01", "2017-05-01")], ["0 to"] },
        { "overlapping by one day", [S(1, "2017-04-04", "2017-06-02"), S(2, "2017-06-01", "2017-10-01")], ["1 from"] },
        { "runs past the period's end", [S(1, "2017-04-04", "2017-10-02")], ["0 from"] },
        { "open while its period has ended", [S(1, "2017-04-04")], ["0 from"] },
        { "starts on the day the period ended", [S(1, "2017-10-01", "2017-10-05")], ["0 from"] },
        { "between periods", [S(1, "2017-11-01", "2017-12-01")], ["0 from"] },
        { "two open allocations", [S(1, "2018-02-05"), S(2, "2018-03-01")], ["1 from", "1 to"] },
    };

    [Theory]
    [MemberData(nameof(Histories))]
    public void Checks_the_invariants(string because, AllocationSpan[] spans, string[] expected)
    {
        var problems = AllocationHistory.Problems(spans, Periods).Select(p => $"{p.Index} {p.Field}").ToArray();
        Assert.True(expected.SequenceEqual(problems), $"{because}: got [{string.Join(", ", problems)}]");
    }

    [Fact]
    public void A_change_follows_another_IRO_in_the_same_period_and_a_new_period_never_starts_with_one()
    {
        AllocationSpan[] spans = [S(1, "2017-04-04", "2017-06-01"), S(2, "2017-06-01", "2017-10-01"), S(3, "2018-02-05", "2018-03-01"), S(3, "2018-03-01")];

        Assert.Equal([false, true, false, false], spans.Select(s => AllocationHistory.IsChange(s, spans, Periods)));
    }

    [Theory]
    // Monday 3 April 2017: the fifth working day after is Monday 10 April.
    [InlineData("2017-04-03", "2017-04-10")]
    // Thursday 13 April 2017, before Good Friday (14th) and Easter Monday (17th): 18, 19, 20, 21 and Monday 24 April.
    [InlineData("2017-04-13", "2017-04-24")]
    // Saturday 23 December 2017: 27, 28, 29 December, 2 and 3 January (25, 26 December and 1 January are holidays).
    [InlineData("2017-12-23", "2018-01-03")]
    public void The_allocation_deadline_is_the_fifth_working_day_after_the_start(string start, string due)
    {
        Assert.Equal(D(due), AllocationHistory.Deadline(D(start), Cal).DueOn);
    }

    [Theory]
    [InlineData("2017-04-10", true)]
    [InlineData("2017-04-11", false)]
    [InlineData("2017-04-03", true)]
    public void A_period_is_allocated_in_time_when_its_first_allocation_starts_by_the_deadline(string from, bool inTime)
    {
        Assert.Equal(inTime, AllocationHistory.AllocatedInTime(First, [S(1, from, "2017-10-01")], Cal));
        Assert.False(AllocationHistory.AllocatedInTime(Second, [S(1, from, "2017-10-01")], Cal));
    }

    [Fact]
    public void An_allocation_covers_from_up_to_but_not_including_to()
    {
        var span = S(1, "2017-04-04", "2017-06-01");
        string[] days = ["2017-04-03", "2017-04-04", "2017-05-31", "2017-06-01"];
        Assert.Equal([false, true, true, false], days.Select(d => span.Covers(D(d))));
    }
}
