using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Timetable;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Timetable;

public class TimetableSpansTests
{
    private static readonly WorkingDayCalendar Cal = WorkingDayCalendar.EnglandAndWales;
    private static readonly TimetableOptions Options = new();

    private static ChildTimetable Compute(CareEpisode[] episodes, string[] reviews, string? historyStartsOn = null) =>
        ReviewTimetable.Compute(episodes, Ds(reviews), Cal, Options, N(historyStartsOn));

    /// <summary>Children whose timetables exercise every way "as at" can be answered.</summary>
    public static TheoryData<string, CareEpisode[], string[], string?> Children() => new()
    {
        { "standard chain", [Ep("2022-05-27")], ["2022-06-28", "2022-09-28"], null },
        {
            "short breaks, reviews due between breaks",
            [
                Ep("2022-01-14", "2022-01-16", ls: LegalStatus.V3), Ep("2022-02-11", "2022-02-13", ls: LegalStatus.V3),
                Ep("2022-03-11", "2022-03-13", ls: LegalStatus.V3),
            ],
            ["2022-04-01", "2022-10-20"], null
        },
        {
            "placement for adoption restarts the chain",
            [Ep("2022-01-10", "2022-03-15", rec: ReasonEpisodeCeased.X1), Ep("2022-03-15", rne: ReasonForNewEpisode.P, place: PlacementType.A4)],
            ["2022-02-01", "2022-04-10", "2022-07-01"], null
        },
        { "placement for adoption on a review day", [Ep("2022-01-10", "2022-03-15", rec: ReasonEpisodeCeased.X1), Ep("2022-03-15", rne: ReasonForNewEpisode.P, place: PlacementType.A4)], ["2022-02-01", "2022-03-15"], null },
        { "periods ended", [Ep("2021-01-04", "2021-06-30"), Ep("2022-01-10", "2022-08-31")], ["2021-01-29", "2022-02-01", "2022-05-01"], null },
        { "history incomplete", [Ep("2020-01-06")], ["2022-05-10", "2022-11-01"], "2022-04-01" },
        { "history incomplete, no review yet", [Ep("2020-01-06")], [], "2022-04-01" },
        { "short breaks then full care", [Ep("2021-03-05", "2021-03-07", ls: LegalStatus.V3), Ep("2021-04-02", "2021-04-04", ls: LegalStatus.V3), Ep("2022-06-01")], ["2021-06-01", "2022-06-20"], null },
        { "full care ends a short-break series", [Ep("2021-09-01", "2021-09-03", ls: LegalStatus.V3), Ep("2022-01-10")], [], null },
        { "short break during care (unreliable)", [Ep("2022-01-10", "2022-12-31"), Ep("2022-03-01", "2022-03-03", ls: LegalStatus.V3)], ["2022-02-01", "2022-02-01", "2023-06-01"], null },
        { "no episodes", [], ["2022-02-01"], null },
    };

    [Theory]
    [MemberData(nameof(Children))]
    public void As_at_any_date_the_spans_answer_as_the_timetable(string name, CareEpisode[] episodes, string[] reviews, string? historyStartsOn)
    {
        Assert.NotNull(name);
        var timetable = Compute(episodes, reviews, historyStartsOn);
        var spans = TimetableSpans.Decode(TimetableSpans.Encode(timetable));
        var first = D("2020-12-01");
        for (var day = first; day <= D("2024-06-30"); day = day.AddDays(1))
        {
            var state = TimetableSpans.AsAt(spans, day, Cal, Options.AmberWindowWorkingDays);
            var period = timetable.PeriodOn(day);
            Assert.Equal(day, state.AsOf);
            Assert.Equal(period is not null, state.InPeriod);
            Assert.Equal(period?.Start, state.PeriodStart);
            Assert.Equal(period?.Period.IsShortBreakSeries ?? false, state.PeriodIsShortBreak);
            Assert.Equal(period?.Regime, state.Regime);
            Assert.Equal(timetable.DueDateOn(day), state.DueDate);
            Assert.Equal(timetable.StatusOn(day, Cal, Options), state.Status);
            Assert.Equal(period?.Reviews.Where(r => r.HeldOn <= day).Select(r => (DateOnly?)r.HeldOn).LastOrDefault(), state.LastReviewInPeriod);
        }
    }

    // Expected values worked by hand: ReviewTimetableTests give the due dates these rest on.
    [Theory]
    [InlineData("2022-06-01", "2022-01-14", true, ReviewRegime.ShortBreak, "2022-10-01", DueStatus.Scheduled, "2022-04-01")] // between breaks
    [InlineData("2022-10-05", "2022-01-14", true, ReviewRegime.ShortBreak, "2022-10-01", DueStatus.Overdue, "2022-04-01")]
    [InlineData("2022-10-20", "2022-01-14", true, ReviewRegime.ShortBreak, "2023-04-20", DueStatus.Scheduled, "2022-10-20")] // held that day
    [InlineData("2023-03-13", "2022-01-14", true, ReviewRegime.ShortBreak, "2023-04-20", DueStatus.Scheduled, "2022-10-20")] // the lapse date
    public void Short_breaks_as_at(string asOf, string start, bool shortBreak, ReviewRegime regime, string due, DueStatus status, string last)
    {
        var timetable = Compute(
            [
                Ep("2022-01-14", "2022-01-16", ls: LegalStatus.V3), Ep("2022-02-11", "2022-02-13", ls: LegalStatus.V3),
                Ep("2022-03-11", "2022-03-13", ls: LegalStatus.V3),
            ],
            ["2022-04-01", "2022-10-20"]);
        var state = TimetableSpans.AsAt(TimetableSpans.Encode(timetable), D(asOf), Cal, 10);
        Assert.Equal(new TimetableAsAt(D(asOf), true, D(start), shortBreak, regime, D(due), status, D(last)), state);
    }

    [Fact]
    public void After_the_series_lapses_the_child_is_in_no_period()
    {
        var timetable = Compute([Ep("2022-01-14", "2022-01-16", ls: LegalStatus.V3)], []);
        Assert.Equal(new TimetableAsAt(D("2023-01-17"), false, null, false, null, null, null, null),
            TimetableSpans.AsAt(TimetableSpans.Encode(timetable), D("2023-01-17"), Cal, 10));
    }

    [Fact]
    public void Adoption_as_at_the_day_of_placement_and_before()
    {
        var timetable = Compute(
            [Ep("2022-01-10", "2022-03-15", rec: ReasonEpisodeCeased.X1), Ep("2022-03-15", rne: ReasonForNewEpisode.P, place: PlacementType.A4)],
            ["2022-02-01"]);
        var spans = TimetableSpans.Encode(timetable);
        Assert.Equal(D("2022-05-01"), TimetableSpans.AsAt(spans, D("2022-03-14"), Cal, 10).DueDate);
        var placed = TimetableSpans.AsAt(spans, D("2022-03-15"), Cal, 10);
        Assert.Equal(D("2022-04-12"), placed.DueDate);
        Assert.Equal(ReviewRegime.Adoption, placed.Regime);
        Assert.Equal(D("2022-02-01"), placed.LastReviewInPeriod);
    }

    [Fact]
    public void History_incomplete_is_in_period_with_no_due_date_or_status()
    {
        var timetable = Compute([Ep("2020-01-06")], [], historyStartsOn: "2022-04-01");
        Assert.Equal(new TimetableAsAt(D("2022-06-01"), true, D("2020-01-06"), false, ReviewRegime.Standard, null, null, null),
            TimetableSpans.AsAt(TimetableSpans.Encode(timetable), D("2022-06-01"), Cal, 10));
    }

    [Fact]
    public void The_encoding_is_compact_text()
    {
        var timetable = Compute([Ep("2022-05-27", "2022-12-31"), Ep("2023-03-01", ls: LegalStatus.V4)], ["2022-06-28"]);
        Assert.Equal("20220527|20221231|F|N|20220527=20220628,20220628=20220928|20220628;20230301||S|B|20230301=20230601|",
            TimetableSpans.Encode(timetable));
        Assert.Equal("", TimetableSpans.Encode(Compute([], [])));
    }

    [Fact]
    public void The_summary_holds_problems_next_due_and_spans()
    {
        var timetable = Compute([Ep("2022-05-27")], ["2022-06-28", "2022-06-28", "2022-01-01"]);
        var summary = TimetableMaterialisation.Summarise(timetable);
        Assert.False(summary.Reliable);
        Assert.Equal("DUPLICATE_REVIEW,REVIEW_OUTSIDE_PERIOD", string.Join(',', summary.ProblemCodes.Split(',').Order(StringComparer.Ordinal)));
        Assert.Equal(D("2022-09-28"), summary.NextDueDate);
        Assert.Equal(TimetableSpans.Encode(timetable), summary.Spans);
        var row = Assert.Single(TimetableMaterialisation.Reviews(timetable));
        Assert.Equal(D("2022-05-27"), row.PeriodStart);
        Assert.Equal(D("2022-06-28"), row.Review.HeldOn);
    }
}
