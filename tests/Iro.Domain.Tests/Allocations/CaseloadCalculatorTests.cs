using Iro.Domain.Allocations;
using Iro.Domain.Officers;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Allocations;

public class CaseloadCalculatorTests
{
    // IRO 1: in-house, 1.0 FTE, then 0.5 from 1 March 2018. IRO 2: commissioned 0.6, left on 31 March 2018
    // (not in post that day). IRO 3: in-house 0.8, starts 1 April 2018.
    private static readonly StaffRecord[] Staff =
    [
        new(1, Employment.InHouse, D("2015-04-01"), null, 1.0m, [new FteChange(D("2018-03-01"), 0.5m)]),
        new(2, Employment.Commissioned, D("2016-01-01"), D("2018-03-31"), 0.6m, []),
        new(3, Employment.InHouse, D("2018-04-01"), null, 0.8m, []),
    ];

    // Child 10: looked after throughout. Child 11: episode ceases on 31 March 2018. Child 12: two episodes with a gap
    // in February 2018. Child 13: looked after, never allocated.
    private static readonly CareSpan[] Episodes =
    [
        new(10, D("2017-01-01"), null),
        new(11, D("2017-01-01"), D("2018-03-31")),
        new(12, D("2017-01-01"), D("2018-02-01")), new(12, D("2018-03-01"), null),
        new(13, D("2017-01-01"), null),
    ];

    // Child 10 moves from IRO 2 to IRO 3 on 31 March 2018 (allocation to IRO 2 ends that day); 11 and 12 are IRO 1's.
    private static readonly AllocatedSpan[] Allocations =
    [
        new(10, 2, D("2017-01-01"), D("2018-03-31")), new(10, 3, D("2018-03-31"), null),
        new(11, 1, D("2017-01-01"), D("2018-03-31")),
        new(12, 1, D("2017-01-01"), D("2018-02-01")), new(12, 1, D("2018-03-01"), null),
    ];

    public static TheoryData<string, string, string[], string> Dates => new()
    {
        // 30 March: IRO 1 has 11 and 12 at 0.5 FTE; IRO 2 has 10 at 0.6. Service 3 children / 1.1 = 2.727 -> 2.7.
        { "2018-03-30", "the day before the changes", ["1 InHouse 0.5 2", "2 Commissioned 0.6 1"], "2 1.1 3 2.7" },
        // 31 March: 11 ceased that day (not looked after); 10's allocation to IRO 2 ended; IRO 2 left (not in post);
        // IRO 3 not yet started, so 10 is allocated to someone not in post and counted nowhere.
        { "2018-03-31", "31 March: episode, allocation and IRO all end that day", ["1 InHouse 0.5 1"], "1 0.5 1 2.0" },
        // 15 February: 12 is between episodes; IRO 1 is still 1.0 FTE.
        { "2018-02-15", "a gap between episodes", ["1 InHouse 1.0 1", "2 Commissioned 0.6 1"], "2 1.6 2 1.3" },
        { "2018-04-01", "IRO 3 starts", ["1 InHouse 0.5 1", "3 InHouse 0.8 1"], "2 1.3 2 1.5" },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Counts_children_looked_after_and_allocated_to_IROs_in_post(string date, string because, string[] officers, string service)
    {
        var snapshot = CaseloadCalculator.On(D(date), Staff, Episodes, Allocations);
        Assert.True(officers.SequenceEqual(snapshot.Officers.Select(o => $"{o.OfficerId} {o.Employment} {o.Fte:0.0} {o.Children}")), because);
        var s = snapshot.Service;
        Assert.Equal(service, $"{s.Headcount} {s.Fte:0.0} {s.Children} {s.PerFte:0.0}");
    }

    [Fact]
    public void Several_dates_in_one_sweep_give_the_same_as_each_date_alone()
    {
        string[] dates = ["2018-04-01", "2018-02-15", "2018-03-30", "2018-03-31"];
        var together = CaseloadCalculator.On([.. dates.Select(D)], Staff, Episodes, Allocations);
        foreach (var (date, snapshot) in dates.Zip(together))
        {
            var alone = CaseloadCalculator.On(D(date), Staff, Episodes, Allocations);
            Assert.Equal(D(date), snapshot.On);
            Assert.Equal(alone.Officers, snapshot.Officers);
        }
    }

    [Fact]
    public void By_employment_splits_the_service()
    {
        var snapshot = CaseloadCalculator.On(D("2018-03-30"), Staff, Episodes, Allocations);
        Assert.Equal(new Caseload(1, 0.5m, 2), snapshot.Of(Employment.InHouse));
        Assert.Equal(new Caseload(1, 0.6m, 1), snapshot.Of(Employment.Commissioned));
        Assert.Equal(1.7m, snapshot.Of(Employment.Commissioned).PerFte); // 1 / 0.6 = 1.666... -> 1.7
    }

    [Fact]
    public void A_child_allocated_twice_to_one_IRO_on_a_date_counts_once()
    {
        AllocatedSpan[] overlapping = [new(10, 1, D("2017-01-01"), null), new(10, 1, D("2017-06-01"), null)];
        var snapshot = CaseloadCalculator.On(D("2017-07-01"), Staff, Episodes, overlapping);
        Assert.Equal(1, snapshot.Officers.Single(o => o.OfficerId == 1).Children);
    }

    [Theory]
    [InlineData("2018-03-31", "2017-04-30", "2018-03-31")]
    [InlineData("2018-03-30", "2017-03-31", "2018-02-28")]
    [InlineData("2024-02-29", "2023-03-31", "2024-02-29")]
    [InlineData("2024-03-15", "2023-03-31", "2024-02-29")]
    public void Month_ends_are_the_twelve_latest_on_or_before_today(string today, string first, string last)
    {
        var ends = CaseloadCalculator.MonthEnds(D(today));
        Assert.Equal(12, ends.Count);
        Assert.Equal(D(first), ends[0]);
        Assert.Equal(D(last), ends[^1]);
        Assert.All(ends, e => Assert.Equal(1, e.AddDays(1).Day));
    }
}
