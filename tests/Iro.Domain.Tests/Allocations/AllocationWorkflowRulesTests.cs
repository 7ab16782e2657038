using Iro.Domain.Allocations;
using Iro.Domain.Children;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Allocations;

/// <summary>The rules the allocation workflow adds: the queue, reallocation, one IRO throughout, closing with the period.</summary>
public class AllocationWorkflowRulesTests
{
    // Ended period 3 April – 1 October 2017; open period from 5 February 2018; a short-break series from 1 March 2016.
    private static readonly PeriodOfCare Ended = new(D("2017-04-03"), D("2017-10-01"), []);
    private static readonly PeriodOfCare Open = new(D("2018-02-05"), null, []);
    private static readonly PeriodOfCare Breaks = new(D("2016-03-01"), null, []) { IsShortBreakSeries = true };
    private static readonly PeriodOfCare[] Periods = [Ended, Open];

    private static AllocationSpan S(int officer, string from, string? to = null) => new(officer, D(from), N(to));

    public static TheoryData<string, string, AllocationSpan[], string?> Queue => new()
    {
        { "looked after today, never allocated", "2018-02-06", [], "2018-02-05" },
        { "allocated today", "2018-02-06", [S(1, "2018-02-05")], null },
        { "the previous period's IRO does not cover the new period", "2018-02-06", [S(1, "2017-04-04", "2017-10-01")], "2018-02-05" },
        { "the allocation was closed before today", "2018-03-02", [S(1, "2018-02-05", "2018-03-01")], "2018-02-05" },
        { "the allocation starts after today", "2018-02-06", [S(1, "2018-02-07")], "2018-02-05" },
        { "between periods: not looked after", "2017-11-01", [], null },
        { "on the day the period ended: no longer looked after", "2017-10-01", [], null },
        { "before the first period", "2017-04-02", [], null },
    };

    [Theory]
    [MemberData(nameof(Queue))]
    public void A_period_awaits_allocation_while_the_child_is_looked_after_and_nothing_covers_today(string because, string today, AllocationSpan[] spans, string? awaitingStart)
    {
        var awaiting = AllocationHistory.AwaitingAllocation(Periods, spans, D(today));
        Assert.True(N(awaitingStart) == awaiting?.Start, because);
    }

    [Fact]
    public void A_short_break_series_never_awaits_allocation()
    {
        Assert.Null(AllocationHistory.AwaitingAllocation([Breaks], [], D("2016-03-02")));
    }

    [Fact]
    public void Reallocating_closes_the_open_allocation_on_the_effective_date_and_opens_the_new_one()
    {
        AllocationSpan[] spans = [S(1, "2017-04-04", "2017-10-01"), S(2, "2018-02-05")];

        var after = AllocationHistory.Reallocated(spans, 3, D("2018-03-01"));

        Assert.Equal([S(1, "2017-04-04", "2017-10-01"), S(2, "2018-02-05", "2018-03-01"), S(3, "2018-03-01")], after);
        Assert.Empty(AllocationHistory.Problems(after, Periods));
        Assert.True(AllocationHistory.IsChange(after[2], after, Periods));
    }

    [Theory]
    [InlineData("2018-02-05")]
    [InlineData("2018-02-01")]
    public void Reallocating_on_or_before_the_open_allocations_start_is_a_problem(string effective)
    {
        var after = AllocationHistory.Reallocated([S(2, "2018-02-05")], 3, D(effective));

        Assert.Contains(AllocationHistory.Problems(after, Periods), p => p.Index == 0 && p.Field == "to");
    }

    public static TheoryData<string, AllocationSpan[], bool> Kept => new()
    {
        { "one allocation", [S(1, "2018-02-06")], true },
        { "the same IRO again after a split", [S(1, "2018-02-06", "2018-03-01"), S(1, "2018-03-01")], true },
        { "a change of IRO", [S(1, "2018-02-06", "2018-03-01"), S(2, "2018-03-01")], false },
        { "a different IRO in the earlier period is not a change", [S(1, "2017-04-04", "2017-10-01"), S(2, "2018-02-06")], true },
        { "no allocation in the period", [S(1, "2017-04-04", "2017-10-01")], false },
    };

    [Theory]
    [MemberData(nameof(Kept))]
    public void A_child_kept_one_iro_when_the_period_has_allocations_and_no_change(string because, AllocationSpan[] spans, bool kept)
    {
        Assert.True(kept == AllocationHistory.KeptOneIro(Open, spans, Periods), because);
    }

    public static TheoryData<string, AllocationSpan, PeriodOfCare[], string?> Closing => new()
    {
        { "open allocation in a period that has ended", S(1, "2017-04-04"), Periods, "2017-10-01" },
        { "open allocation in the open period", S(1, "2018-02-06"), Periods, null },
        { "already closed", S(1, "2017-04-04", "2017-06-01"), Periods, null },
        { "outside every period", S(1, "2017-11-01"), Periods, null },
    };

    [Theory]
    [MemberData(nameof(Closing))]
    public void An_open_allocation_closes_on_its_periods_end_date(string because, AllocationSpan open, PeriodOfCare[] periods, string? closesOn)
    {
        Assert.True(N(closesOn) == AllocationHistory.ClosingDate(open, periods), because);
    }
}
