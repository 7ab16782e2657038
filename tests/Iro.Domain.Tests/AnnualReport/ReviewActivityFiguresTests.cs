using Iro.Domain.AnnualReport;
using Iro.Domain.Calendar;
using Iro.Domain.Timetable;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.AnnualReport;

public class ReviewActivityFiguresTests
{
    private static readonly ReportingYear Year = new(2017);

    [Fact]
    public void Paperwork_counts_the_year_s_reviews_with_paperwork_recorded_and_those_in_time()
    {
        // Three working days before Thursday 29 March 2018: 28 (1), 27 (2), Monday 26 March (3), the deadline.
        ReviewPaperwork[] held =
        [
            new(D("2017-04-01"), D("2017-03-20"), D("2017-03-20")), // first day of the year, in time
            new(D("2018-03-29"), D("2018-03-26"), D("2018-03-26")), // on the deadline: in time
            new(D("2018-03-29"), D("2018-03-26"), D("2018-03-27")), // care plan a day after the deadline: late
            new(D("2017-06-15"), D("2017-06-01"), null),            // no care plan: late
            new(D("2017-06-15"), null, null),                       // nothing recorded (imported): not counted
            new(D("2018-04-01"), D("2018-03-01"), D("2018-03-01")), // next year's
        ];

        var figures = ReviewActivityFigures.Paperwork(held, Year, WorkingDayCalendar.EnglandAndWales, 3);

        Assert.Equal(new PaperworkFigures(4, 2), figures);
    }

    [Theory]
    [InlineData("2017-03-31", 0)]
    [InlineData("2017-04-01", 1)]
    [InlineData("2018-03-31", 1)]
    [InlineData("2018-04-01", 0)]
    public void Activity_counts_what_is_dated_from_1_April_to_31_March(string on, int expected)
    {
        var figures = ReviewActivityFigures.Activity([D(on)], [D(on), D(on)], [D(on), D(on), D(on)], Year);

        Assert.Equal(new ActivityFigures(expected, 2 * expected, 3 * expected), figures);
    }
}
