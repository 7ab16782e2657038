using Iro.Domain.Calendar;
using Iro.Domain.Timetable;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Timetable;

public class TimelinessTests
{
    [Theory]
    [InlineData(2, 3, "66.7")]
    [InlineData(1, 8, "12.5")]
    [InlineData(7, 16, "43.8")] // 43.75 half up
    [InlineData(1, 16, "6.3")] // 6.25: half up, not to even (6.2)
    [InlineData(1, 80, "1.3")] // 1.25
    [InlineData(1, 3, "33.3")]
    [InlineData(1, 6, "16.7")]
    [InlineData(11, 28, "39.3")]
    [InlineData(3, 3, "100.0")]
    [InlineData(0, 5, "0.0")]
    [InlineData(0, 0, "0.0")]
    public void Percent_is_rounded_half_up_to_one_place(int onTime, int held, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Iro.Domain.Timetable.Timeliness.Percent(onTime, held));

    [Theory]
    [InlineData("2022-23", 2022, "2022-04-01", "2023-03-31")]
    [InlineData("2022/23", 2022, "2022-04-01", "2023-03-31")]
    [InlineData("1999-00", 1999, "1999-04-01", "2000-03-31")]
    [InlineData(" 2023-24 ", 2023, "2023-04-01", "2024-03-31")]
    public void Reporting_year_parses(string text, int startYear, string start, string end)
    {
        var y = ReportingYear.Parse(text);
        Assert.Equal(startYear, y.StartYear);
        Assert.Equal(D(start), y.Start);
        Assert.Equal(D(end), y.End);
    }

    [Theory]
    [InlineData("2022-24")]
    [InlineData("2022")]
    [InlineData("22-23")]
    [InlineData("2022-2023")]
    [InlineData("abcd-ef")]
    [InlineData("")]
    [InlineData(null)]
    public void Reporting_year_rejects(string? text)
    {
        Assert.False(ReportingYear.TryParse(text, out _));
        if (text is not null) Assert.Throws<FormatException>(() => ReportingYear.Parse(text));
    }

    [Fact]
    public void Reporting_year_text_and_months()
    {
        var y = ReportingYear.Parse("2022-23");
        Assert.Equal("2022-23", y.ToString());
        Assert.Equal("1999-00", new ReportingYear(1999).ToString());
        Assert.Equal(12, y.Months.Count);
        Assert.Equal("2022-04", y.Months[0].ToString());
        Assert.Equal("2022-12", y.Months[8].ToString());
        Assert.Equal("2023-03", y.Months[11].ToString());
        Assert.Equal(D("2023-02-28"), y.Months[10].LastDay);
        Assert.Equal(new ReportingYear(2022), ReportingYear.Containing(D("2023-03-31")));
        Assert.Equal(new ReportingYear(2023), ReportingYear.Containing(D("2023-04-01")));
    }

    private static TimetabledReview R(string due, string held, ReviewRegime regime = ReviewRegime.Standard) =>
        new(1, D(due), D(held), regime, ReviewStage.Subsequent);

    private static IEnumerable<TimetabledReview> Many(int count, int onTime, string month)
    {
        for (var i = 0; i < count; i++)
            yield return i < onTime ? R($"{month}-20", $"{month}-10") : R($"{month}-05", $"{month}-10");
    }

    [Fact]
    public void Monthly_figures_for_a_reporting_year()
    {
        var reviews = Many(3, 2, "2022-04")
            .Concat(Many(8, 1, "2022-05"))
            .Concat(Many(16, 7, "2022-06"))
            .Append(R("2023-03-31", "2023-03-31"))
            .Append(R("2022-03-31", "2022-03-31")) // previous year
            .Append(R("2022-04-30", "2022-04-10", ReviewRegime.ShortBreak)) // not counted
            .Append(new TimetabledReview(1, null, D("2022-04-12"), ReviewRegime.Standard, ReviewStage.Unknown)) // not counted
            .ToList();

        var months = Iro.Domain.Timetable.Timeliness.Monthly(reviews, ReportingYear.Parse("2022-23"));
        Assert.Equal(12, months.Count);
        Assert.Equal(new TimelinessFigures(3, 2), months[0].Figures);
        Assert.Equal(66.7m, months[0].Figures.Percent);
        Assert.Equal(12.5m, months[1].Figures.Percent);
        Assert.Equal(43.8m, months[2].Figures.Percent);
        Assert.Equal(new TimelinessFigures(0, 0), months[3].Figures);
        Assert.Equal(0.0m, months[3].Figures.Percent);
        Assert.Equal(new TimelinessFigures(1, 1), months[11].Figures);

        var year = Iro.Domain.Timetable.Timeliness.ForYear(reviews, ReportingYear.Parse("2022-23"));
        Assert.Equal(new TimelinessFigures(28, 11), year);
        Assert.Equal(39.3m, year.Percent);
    }

    [Theory]
    [InlineData("2022-06-28", "2022-06-29", DueStatus.Overdue)]
    [InlineData("2022-06-28", "2022-06-28", DueStatus.DueSoon)]
    [InlineData("2022-06-28", "2022-06-14", DueStatus.DueSoon)]
    [InlineData("2022-06-28", "2022-06-13", DueStatus.Scheduled)]
    [InlineData("2022-06-06", "2022-05-23", DueStatus.DueSoon)] // 24-27, 30, 31, 1 June, 6 June: 8 working days across the Jubilee
    [InlineData("2022-06-08", "2022-05-23", DueStatus.DueSoon)] // 8 June is the 10th
    [InlineData("2022-06-09", "2022-05-23", DueStatus.Scheduled)] // 9 June is the 11th
    public void Classify_due_date(string due, string asOf, DueStatus expected) =>
        Assert.Equal(expected, Iro.Domain.Timetable.Timeliness.Classify(D(due), D(asOf), WorkingDayCalendar.EnglandAndWales, 10));

    [Fact]
    public void Reasons_for_lateness_have_distinct_labels()
    {
        var labels = Enum.GetValues<ReasonForLateness>().Select(r => r.ToLabel()).ToList();
        Assert.Equal(6, labels.Count);
        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.Equal("IRO unavailable", ReasonForLateness.IroUnavailable.ToLabel());
    }
}
