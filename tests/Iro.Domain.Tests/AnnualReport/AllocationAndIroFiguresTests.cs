using Iro.Domain.AnnualReport;
using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Officers;
using Iro.Domain.Timetable;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.AnnualReport;

public class AllocationFiguresTests
{
    private static readonly ReportingYear Year = new(2017);

    private static Child Child(CareEpisode[] episodes, params (int Officer, string From, string? To)[] allocations) => new()
    {
        LocalId = "C",
        Episodes = [.. episodes],
        IroAllocations = [.. allocations.Select(a => new IroAllocation { ReviewingOfficerId = a.Officer, From = D(a.From), To = N(a.To) })],
    };

    [Fact]
    public void Allocation_within_five_working_days_counts_across_the_Easter_bank_holidays()
    {
        // Started Thursday 29 March 2018. Good Friday (30 March) and Easter Monday (2 April) are bank holidays, so
        // the working days after the start are 3 April (1), 4 (2), 5 (3), 6 (4) and Monday 9 April (5).
        var onTheDeadline = Child([Ep("2018-03-29")], (1, "2018-04-09", null));
        var aDayLate = Child([Ep("2018-03-29")], (1, "2018-04-10", null));

        Assert.Equal(1, AllocationFigures.For([onTheDeadline], Year, WorkingDayCalendar.EnglandAndWales).AllocatedWithinFiveWorkingDays);
        Assert.Equal(0, AllocationFigures.For([aDayLate], Year, WorkingDayCalendar.EnglandAndWales).AllocatedWithinFiveWorkingDays);
    }

    [Fact]
    public void A_period_starting_on_the_last_day_of_the_year_is_counted_in_that_year()
    {
        var child = Child([Ep("2018-03-31")]);
        var figures = AllocationFigures.For([child], Year, WorkingDayCalendar.EnglandAndWales);
        Assert.Equal(1, figures.PeriodsStarted);
        Assert.Equal(0, figures.AllocatedWithinFiveWorkingDays);
        Assert.Equal(0, AllocationFigures.For([child], new ReportingYear(2018), WorkingDayCalendar.EnglandAndWales).PeriodsStarted);
    }

    [Fact]
    public void Changes_within_a_period_count_but_a_new_period_with_a_new_IRO_does_not()
    {
        // Period 1: IRO 1 then IRO 2 (a change, 1 June 2017). Period 2 from 1 Jan 2018 with IRO 3: not a change.
        var child = Child(
            [Ep("2016-01-01", "2017-10-01"), Ep("2018-01-01")],
            (1, "2016-01-04", "2017-06-01"), (2, "2017-06-01", "2017-10-01"), (3, "2018-01-02", null));

        var figures = AllocationFigures.For([child], Year, WorkingDayCalendar.EnglandAndWales);

        Assert.Equal(1, figures.IroChanges);
        Assert.Equal(1, figures.SameIroThroughout); // the current period has had only IRO 3
        Assert.Equal(1, figures.LookedAfterAtEnd);
    }

    [Fact]
    public void A_change_in_the_current_period_means_not_the_same_IRO_throughout()
    {
        var child = Child([Ep("2016-01-01")], (1, "2016-01-04", "2017-06-01"), (2, "2017-06-01", null));
        var figures = AllocationFigures.For([child], Year, WorkingDayCalendar.EnglandAndWales);
        Assert.Equal(0, figures.SameIroThroughout);
        Assert.Equal(1, figures.LookedAfterAtEnd);
    }
}

public class IroServiceFiguresTests
{
    private static ReviewingOfficer Officer(string start, string? end, Employment employment, Gender gender, decimal fte, params (string From, decimal Fte)[] changes) => new()
    {
        Name = "X", Email = "x@example.org", StartDate = D(start), EndDate = N(end), Employment = employment, Gender = gender, Fte = fte,
        Ethnicity = Ethnicity.WBRI,
        FteChanges = [.. changes.Select(c => new OfficerFteChange { EffectiveFrom = D(c.From), Fte = c.Fte })],
    };

    [Fact]
    public void In_post_at_31_March_excludes_an_IRO_whose_end_date_is_31_March_and_uses_the_FTE_then()
    {
        ReviewingOfficer[] officers =
        [
            Officer("2015-01-01", null, Employment.InHouse, Gender.Female, 1.0m, ("2018-01-01", 0.6m)),
            Officer("2016-01-01", "2018-03-31", Employment.Commissioned, Gender.Male, 1.0m), // left on 31 March
            Officer("2016-01-01", "2018-04-01", Employment.Commissioned, Gender.Male, 0.5m), // still in post
            Officer("2018-04-01", null, Employment.Commissioned, Gender.Female, 1.0m), // not yet started
        ];

        var profile = IroServiceFigures.At(officers, D("2018-03-31"));

        Assert.Equal(2, profile.Count);
        Assert.Equal(1.1m, profile.Fte);
        Assert.Equal(1, profile.Employment["InHouse"]);
        Assert.Equal(1, profile.Employment["Commissioned"]);
        Assert.Equal(1, profile.Gender["Male"]);
        Assert.Equal(2, profile.Ethnicity["White"]);
        Assert.Equal((0, 1), IroServiceFigures.Movement(officers, new ReportingYear(2017)));
    }
}
