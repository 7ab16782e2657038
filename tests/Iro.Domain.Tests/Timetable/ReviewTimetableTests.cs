using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Timetable;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Timetable;

public class ReviewTimetableTests
{
    private static readonly WorkingDayCalendar Cal = WorkingDayCalendar.EnglandAndWales;

    private static ChildTimetable Compute(
        CareEpisode[] episodes, string[] reviews, TimetableOptions? options = null, string? historyStartsOn = null) =>
        ReviewTimetable.Compute(episodes, Ds(reviews), Cal, options ?? new TimetableOptions(), N(historyStartsOn));

    private static string[] Split(string csv) => csv.Length == 0 ? [] : csv.Split(',');

    // Expected due dates worked by hand from statutory-rules.md sections 2 and 9.
    [Theory]
    [InlineData("plain (9.5)", "2022-05-27", "2022-06-28,2022-09-28", "2022-06-28,2022-09-28", "2023-03-28")]
    [InlineData("leap-year clamp stays on 29th", "2023-11-06", "2023-11-30,2024-02-29", "2023-12-04,2024-02-29", "2024-08-29")]
    [InlineData("no weekend roll-forward", "2024-08-05", "2024-08-31,2024-11-30", "2024-09-03,2024-11-30", "2025-05-30")]
    [InlineData("30 Nov + 3 months", "2022-11-07", "2022-11-30", "2022-12-05", "2023-02-28")]
    [InlineData("31 Aug + 3 months", "2023-08-07", "2023-08-31", "2023-09-05", "2023-11-30")]
    [InlineData("31 Aug + 6 months, leap", "2023-05-15", "2023-06-01,2023-08-31", "2023-06-13,2023-09-01", "2024-02-29")]
    [InlineData("31 Aug + 6 months", "2022-05-16", "2022-06-15,2022-08-31", "2022-06-15,2022-09-15", "2023-02-28")]
    [InlineData("early reviews restart the chain", "2022-05-27", "2022-06-10,2022-08-01", "2022-06-28,2022-09-10", "2023-02-01")]
    [InlineData("late reviews: next runs from when held", "2022-05-27", "2022-07-05,2022-10-20", "2022-06-28,2022-10-05", "2023-04-20")]
    [InlineData("no reviews yet", "2022-09-01", "", "", "2022-09-30")]
    public void Standard_chain(string name, string start, string reviews, string dues, string pending)
    {
        Assert.NotNull(name);
        var t = Compute([Ep(start)], Split(reviews));
        var period = Assert.Single(t.Periods);
        Assert.Equal(Ds(Split(dues)), period.Reviews.Select(r => r.DueDate!.Value));
        Assert.Equal(D(pending), period.PendingDueDate);
        Assert.Equal(D(pending), t.NextDueDate);
        Assert.Equal(ReviewRegime.Standard, period.Regime);
        Assert.True(t.IsReliable);
    }

    [Fact]
    public void Late_and_on_time_fields()
    {
        var t = Compute([Ep("2022-05-27")], ["2022-07-05", "2022-10-20", "2023-04-20"]);
        var r = t.AllReviews.ToArray();
        Assert.Equal([1, 2, 3], r.Select(x => x.Sequence));
        Assert.Equal([false, false, true], r.Select(x => x.OnTime!.Value));
        Assert.Equal([7, 15, 0], r.Select(x => x.DaysLate!.Value));
        Assert.Equal([ReviewStage.First, ReviewStage.Second, ReviewStage.Subsequent], r.Select(x => x.Stage));
        Assert.All(r, x => Assert.True(x.CountsForTimeliness));
        Assert.All(r, x => Assert.False(x.HistoryIncomplete));
    }

    [Fact]
    public void Held_on_the_due_date_is_on_time_and_a_day_after_is_late()
    {
        var onDue = Compute([Ep("2022-05-27")], ["2022-06-28"]).AllReviews.Single();
        Assert.True(onDue.OnTime);
        var dayAfter = Compute([Ep("2022-05-27")], ["2022-06-29"]).AllReviews.Single();
        Assert.False(dayAfter.OnTime);
        Assert.Equal(1, dayAfter.DaysLate);
    }

    [Fact]
    public void Start_date_as_day_one_makes_the_first_review_due_a_working_day_earlier()
    {
        var t = Compute([Ep("2022-05-27")], ["2022-06-28"], new TimetableOptions { StartDateIsDayZero = false });
        var r = t.AllReviews.Single();
        Assert.Equal(D("2022-06-27"), r.DueDate);
        Assert.False(r.OnTime);
    }

    [Fact]
    public void Re_entry_starts_a_new_period_and_restarts_the_timetable()
    {
        var t = Compute(
            [Ep("2022-01-10", "2022-03-31"), Ep("2022-06-01")],
            ["2022-02-01", "2022-06-20"]);
        Assert.Equal(2, t.Periods.Count);
        Assert.Equal(D("2022-02-07"), t.Periods[0].Reviews.Single().DueDate);
        Assert.Equal(D("2022-05-01"), t.Periods[0].PendingDueDate);
        Assert.Null(t.Periods[0].NextDueDate); // left care before it fell due
        Assert.Equal(D("2022-07-01"), t.Periods[1].Reviews.Single().DueDate);
        Assert.Equal(1, t.Periods[1].Reviews.Single().Sequence);
        Assert.Equal(D("2022-09-20"), t.NextDueDate);
        Assert.True(t.IsReliable);
    }

    [Fact]
    public void A_gap_of_one_day_is_a_new_period()
    {
        var t = Compute([Ep("2022-01-10", "2022-03-31"), Ep("2022-04-01")], []);
        Assert.Equal(2, t.Periods.Count);
        Assert.Equal(D("2022-04-01"), t.Periods[1].Start);
    }

    [Fact]
    public void X1_same_day_change_continues_the_period()
    {
        var t = Compute(
            [Ep("2022-01-10", "2022-02-15", rec: ReasonEpisodeCeased.X1), Ep("2022-02-15", rne: ReasonForNewEpisode.P, place: PlacementType.K2)],
            ["2022-02-07", "2022-05-01"]);
        var period = Assert.Single(t.Periods);
        Assert.Equal(D("2022-01-10"), period.Start);
        Assert.Null(period.End);
        Assert.Equal([D("2022-02-07"), D("2022-05-07")], period.Reviews.Select(r => r.DueDate!.Value));
        Assert.Equal(D("2022-11-01"), t.NextDueDate);
        Assert.True(t.IsReliable);
    }

    [Fact]
    public void Same_day_re_entry_with_S_is_a_new_period_and_owns_that_day()
    {
        var t = Compute([Ep("2022-01-10", "2022-03-31"), Ep("2022-03-31")], ["2022-03-31"]);
        Assert.Equal(2, t.Periods.Count);
        Assert.Empty(t.Periods[0].Reviews);
        Assert.Single(t.Periods[1].Reviews);
        Assert.True(t.IsReliable);
    }

    [Fact]
    public void Reviews_on_the_first_and_last_day_belong_to_the_period()
    {
        var t = Compute([Ep("2022-01-10", "2022-03-31")], ["2022-01-10", "2022-03-31"]);
        Assert.Equal(2, t.Periods[0].Reviews.Count);
        Assert.True(t.IsReliable);
    }

    [Fact]
    public void Leaving_care_before_the_due_date_leaves_no_next_due_date_and_nothing_overdue()
    {
        var t = Compute([Ep("2022-01-10", "2022-01-20")], []);
        var period = Assert.Single(t.Periods);
        Assert.Equal(D("2022-02-07"), period.PendingDueDate);
        Assert.Null(period.NextDueDate);
        Assert.Null(t.NextDueDate);
        Assert.False(t.IsOverdueOn(D("2022-02-10")));
        Assert.False(t.IsOverdueOn(D("2022-01-15")));
        Assert.Equal(DueStatus.Scheduled, t.StatusOn(D("2022-01-15"), Cal, 10));
        Assert.Null(t.StatusOn(D("2022-02-10"), Cal, 10));
    }

    [Fact]
    public void Leaving_on_the_due_date_leaves_no_next_due_date()
    {
        var t = Compute([Ep("2022-01-10", "2022-02-07")], []);
        Assert.Null(t.Periods[0].NextDueDate);
        Assert.False(t.IsOverdueOn(D("2022-02-07")));
    }

    [Fact]
    public void Leaving_after_a_missed_due_date()
    {
        var t = Compute([Ep("2022-01-10", "2022-03-01")], []);
        Assert.Equal(D("2022-02-07"), t.Periods[0].NextDueDate);
        Assert.Null(t.NextDueDate); // no open period
        Assert.False(t.IsOverdueOn(D("2022-02-07")));
        Assert.True(t.IsOverdueOn(D("2022-02-08")));
        Assert.True(t.IsOverdueOn(D("2022-03-01")));
        Assert.False(t.IsOverdueOn(D("2022-03-02")));
    }

    [Theory]
    [InlineData("2022-05-26", null)] // not yet looked after
    [InlineData("2022-05-27", DueStatus.Scheduled)]
    [InlineData("2022-06-13", DueStatus.Scheduled)] // 11 working days to go
    [InlineData("2022-06-14", DueStatus.DueSoon)] // 10 working days to go
    [InlineData("2022-06-28", DueStatus.DueSoon)] // due today
    [InlineData("2022-06-29", DueStatus.Overdue)]
    public void Status_as_at_a_date(string asOf, DueStatus? expected)
    {
        var t = Compute([Ep("2022-05-27")], []);
        Assert.Equal(expected, t.StatusOn(D(asOf), Cal, new TimetableOptions()));
    }

    [Fact]
    public void Overdue_as_at_a_date_from_reviews_held_by_then()
    {
        var all = new[] { "2022-06-20", "2022-10-01" };
        var asAt = Compute([Ep("2022-05-27")], ["2022-06-20"]);
        Assert.True(asAt.IsOverdueOn(D("2022-09-25")));
        Assert.False(asAt.IsOverdueOn(D("2022-09-20")));

        var full = Compute([Ep("2022-05-27")], all);
        Assert.Equal(D("2022-09-20"), full.DueDateOn(D("2022-09-25")));
        Assert.True(full.IsOverdueOn(D("2022-09-25")));
        Assert.False(full.IsOverdueOn(D("2022-10-01")));
        Assert.Equal(D("2023-04-01"), full.DueDateOn(D("2022-10-01")));
        var notDue = Compute([Ep("2022-09-01")], []);
        var overdue = Iro.Domain.Timetable.Timeliness.OverdueOn([asAt, notDue], D("2022-09-21"));
        Assert.Same(asAt, Assert.Single(overdue));
    }

    [Fact]
    public void Short_breaks_are_one_series_with_their_own_timetable_excluded_from_timeliness()
    {
        var t = Compute(
            [
                Ep("2022-01-14", "2022-01-16", ls: LegalStatus.V3),
                Ep("2022-02-11", "2022-02-13", ls: LegalStatus.V3),
                Ep("2022-03-11", "2022-03-13", ls: LegalStatus.V3),
            ],
            ["2022-04-01", "2022-10-20"]);
        var series = Assert.Single(t.Periods);
        Assert.True(series.Period.IsShortBreakSeries);
        Assert.Equal(ReviewRegime.ShortBreak, series.Regime);
        Assert.Equal(D("2022-01-14"), series.Start);
        Assert.Equal(D("2022-03-13"), series.End);
        Assert.Equal(D("2023-03-13"), series.ActiveUntil);
        Assert.Equal([D("2022-04-14"), D("2022-10-01")], series.Reviews.Select(r => r.DueDate!.Value));
        Assert.Equal([true, false], series.Reviews.Select(r => r.OnTime!.Value));
        Assert.All(series.Reviews, r => Assert.False(r.CountsForTimeliness));
        Assert.All(series.Reviews, r => Assert.Equal(ReviewRegime.ShortBreak, r.Regime));
        Assert.Equal(D("2022-10-01"), t.DueDateOn(D("2022-06-01")));
        Assert.Equal(DueStatus.Scheduled, t.StatusOn(D("2022-06-01"), Cal, 10));
        Assert.True(t.IsOverdueOn(D("2022-10-05")));
        Assert.Equal(D("2023-04-20"), series.PendingDueDate);
        Assert.Null(series.NextDueDate); // falls after the series lapses
        Assert.False(t.IsOverdueOn(D("2023-05-01")));
        Assert.True(t.IsReliable);
    }

    [Fact]
    public void Open_short_break_agreement_has_a_next_due_date_three_months_on()
    {
        var t = Compute([Ep("2022-01-01", ls: LegalStatus.V4)], []);
        Assert.Equal(D("2022-04-01"), t.NextDueDate);
        Assert.Equal(ReviewRegime.ShortBreak, t.Periods[0].Regime);
    }

    [Fact]
    public void Mixed_short_breaks_and_full_care_are_separate_periods()
    {
        var t = Compute(
            [
                Ep("2021-03-05", "2021-03-07", ls: LegalStatus.V3),
                Ep("2021-04-02", "2021-04-04", ls: LegalStatus.V3),
                Ep("2022-06-01"),
            ],
            ["2021-06-01", "2022-06-20"]);
        Assert.Equal(2, t.Periods.Count);
        Assert.True(t.Periods[0].Period.IsShortBreakSeries);
        Assert.Equal(D("2022-04-04"), t.Periods[0].ActiveUntil);
        Assert.Equal(D("2021-06-05"), t.Periods[0].Reviews.Single().DueDate);
        Assert.False(t.Periods[0].Reviews.Single().CountsForTimeliness);
        Assert.Equal(ReviewRegime.Standard, t.Periods[1].Regime);
        Assert.Equal(D("2022-07-01"), t.Periods[1].Reviews.Single().DueDate);
        Assert.True(t.Periods[1].Reviews.Single().CountsForTimeliness);
        Assert.True(t.IsReliable);
    }

    [Fact]
    public void Full_care_ends_a_short_break_series()
    {
        var t = Compute([Ep("2021-09-01", "2021-09-03", ls: LegalStatus.V3), Ep("2022-01-10")], []);
        Assert.Equal(D("2022-01-09"), t.Periods[0].ActiveUntil);
        Assert.Equal(D("2021-12-01"), t.Periods[0].NextDueDate); // fell due, unheld, before full care began
        Assert.True(t.IsOverdueOn(D("2021-12-02")));
        Assert.Equal(D("2022-02-07"), t.NextDueDate);
        Assert.Equal(D("2022-02-07"), t.DueDateOn(D("2022-01-20")));
    }

    [Fact]
    public void Placement_for_adoption_restarts_the_chain_4_weeks_3_months_6_months()
    {
        var episodes = new[]
        {
            Ep("2022-01-10", "2022-03-15", rec: ReasonEpisodeCeased.X1),
            Ep("2022-03-15", rne: ReasonForNewEpisode.P, place: PlacementType.A4),
        };
        var t = Compute(episodes, ["2022-02-01", "2022-04-10", "2022-07-01"]);
        var p = Assert.Single(t.Periods);
        Assert.Equal(ReviewRegime.Adoption, p.Regime);
        Assert.Equal([D("2022-02-07"), D("2022-04-12"), D("2022-07-10")], p.Reviews.Select(r => r.DueDate!.Value));
        Assert.Equal([ReviewRegime.Standard, ReviewRegime.Adoption, ReviewRegime.Adoption], p.Reviews.Select(r => r.Regime));
        Assert.Equal([ReviewStage.First, ReviewStage.First, ReviewStage.Second], p.Reviews.Select(r => r.Stage));
        Assert.Equal(D("2023-01-01"), t.NextDueDate);

        var beforeFirstAdoptionReview = Compute(episodes, ["2022-02-01"]);
        Assert.Equal(D("2022-04-12"), beforeFirstAdoptionReview.NextDueDate); // not 2022-05-01
        Assert.Equal(D("2022-05-01"), beforeFirstAdoptionReview.DueDateOn(D("2022-03-14")));
        Assert.Equal(D("2022-04-12"), beforeFirstAdoptionReview.DueDateOn(D("2022-03-15")));
    }

    [Fact]
    public void Period_starting_with_placement_for_adoption_uses_adoption_cadence()
    {
        var t = Compute([Ep("2022-05-27", place: PlacementType.A5)], []);
        Assert.Equal(D("2022-06-24"), t.NextDueDate); // 28 days, not the 20th working day (2022-06-28)
        Assert.Equal(ReviewRegime.Adoption, t.Periods[0].Regime);
    }

    [Theory]
    [InlineData(ReasonForNewEpisode.T, PlacementType.A3, "2022-09-20")] // same carers: no restart
    [InlineData(ReasonForNewEpisode.L, PlacementType.A4, "2022-09-20")] // legal status only: no restart
    [InlineData(ReasonForNewEpisode.P, PlacementType.A6, "2022-08-29")] // new adopters: restart
    public void Change_within_adoption(ReasonForNewEpisode rne, PlacementType place, string next)
    {
        var t = Compute(
            [Ep("2022-05-27", "2022-08-01", rec: ReasonEpisodeCeased.X1, place: PlacementType.A4), Ep("2022-08-01", rne: rne, place: place)],
            ["2022-06-20"]);
        Assert.Equal(D("2022-06-24"), t.AllReviews.Single().DueDate);
        Assert.Equal(D(next), t.NextDueDate);
    }

    [Fact]
    public void Incomplete_history_first_known_review_has_no_due_date_and_is_a_subsequent_review()
    {
        var t = Compute([Ep("2020-01-06")], ["2022-05-10", "2022-11-01", "2023-05-15"], historyStartsOn: "2022-04-01");
        var p = Assert.Single(t.Periods);
        Assert.True(p.HistoryIncomplete);
        var r = p.Reviews;
        Assert.Null(r[0].DueDate);
        Assert.Null(r[0].OnTime);
        Assert.Null(r[0].DaysLate);
        Assert.True(r[0].HistoryIncomplete);
        Assert.False(r[0].CountsForTimeliness);
        Assert.Equal(ReviewStage.Unknown, r[0].Stage);
        Assert.Equal([D("2022-11-10"), D("2023-05-01")], r.Skip(1).Select(x => x.DueDate!.Value));
        Assert.Equal([true, false], r.Skip(1).Select(x => x.OnTime!.Value));
        Assert.Equal(14, r[2].DaysLate);
        Assert.All(r.Skip(1), x => Assert.True(x.CountsForTimeliness));
        Assert.Equal(D("2023-11-15"), t.NextDueDate);
        Assert.True(t.IsReliable);
    }

    [Fact]
    public void Incomplete_history_without_reviews_has_an_unknown_next_due_date()
    {
        var t = Compute([Ep("2020-01-06")], [], historyStartsOn: "2022-04-01");
        Assert.Null(t.NextDueDate);
        Assert.Null(t.Periods[0].PendingDueDate);
        Assert.False(t.IsOverdueOn(D("2022-12-01")));
        Assert.Null(t.StatusOn(D("2022-12-01"), Cal, 10));
        Assert.NotNull(t.PeriodOn(D("2022-12-01")));
    }

    [Fact]
    public void Period_starting_on_or_after_the_history_start_is_complete()
    {
        var t = Compute([Ep("2022-05-27")], ["2022-06-20"], historyStartsOn: "2022-04-01");
        Assert.False(t.Periods[0].HistoryIncomplete);
        Assert.Equal(D("2022-06-28"), t.AllReviews.Single().DueDate);
    }

    [Fact]
    public void Placement_for_adoption_after_the_history_start_makes_the_chain_known_again()
    {
        var t = Compute(
            [Ep("2020-01-06", "2022-06-01", rec: ReasonEpisodeCeased.X1), Ep("2022-06-01", rne: ReasonForNewEpisode.P, place: PlacementType.A4)],
            ["2022-06-20"],
            historyStartsOn: "2022-04-01");
        var r = t.AllReviews.Single();
        Assert.Equal(D("2022-06-29"), r.DueDate);
        Assert.Equal(ReviewStage.First, r.Stage);
        Assert.Equal(ReviewRegime.Adoption, r.Regime);
    }

    [Fact]
    public void First_episode_without_S_before_the_history_start_is_not_a_problem()
    {
        var before = Compute([Ep("2020-01-06", rne: ReasonForNewEpisode.P)], [], historyStartsOn: "2022-04-01");
        Assert.True(before.IsReliable);
        var after = Compute([Ep("2022-05-06", rne: ReasonForNewEpisode.P)], [], historyStartsOn: "2022-04-01");
        Assert.Contains(after.Problems, p => p.Code == DataQualityCodes.NewPeriodWithoutS);
    }

    private static CareEpisode[] Scenario(string name) => name switch
    {
        "overlap" => [Ep("2022-01-10", "2022-03-01"), Ep("2022-02-01", rne: ReasonForNewEpisode.P)],
        "end before start" => [Ep("2022-03-01", "2022-02-01"), Ep("2022-01-10")],
        "gap without S" => [Ep("2022-01-10", "2022-02-01"), Ep("2022-03-01", rne: ReasonForNewEpisode.P)],
        "S after X1" => [Ep("2022-01-10", "2022-02-01", rec: ReasonEpisodeCeased.X1), Ep("2022-02-01")],
        "open followed" => [Ep("2022-01-10"), Ep("2022-03-01", rne: ReasonForNewEpisode.P)],
        "X1 without next" => [Ep("2022-01-10", "2022-02-01", rec: ReasonEpisodeCeased.X1)],
        "X1 then gap" => [Ep("2022-01-10", "2022-02-01", rec: ReasonEpisodeCeased.X1), Ep("2022-03-01")],
        "left but continued" => [Ep("2022-01-10", "2022-02-01"), Ep("2022-02-01", rne: ReasonForNewEpisode.P)],
        "first not S" => [Ep("2022-01-10", rne: ReasonForNewEpisode.L)],
        "short break in care" => [Ep("2022-01-10"), Ep("2022-03-01", "2022-03-03", ls: LegalStatus.V3)],
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [InlineData("overlap", DataQualityCodes.EpisodesOverlap, 1)]
    [InlineData("end before start", DataQualityCodes.EpisodeEndsBeforeStart, 1)]
    [InlineData("gap without S", DataQualityCodes.NewPeriodWithoutS, 2)]
    [InlineData("S after X1", DataQualityCodes.StartAfterX1, 1)]
    [InlineData("open followed", DataQualityCodes.OpenEpisodeFollowed, 1)]
    [InlineData("X1 without next", DataQualityCodes.X1WithoutNextEpisode, 1)]
    [InlineData("X1 then gap", DataQualityCodes.X1WithoutNextEpisode, 2)]
    [InlineData("left but continued", DataQualityCodes.LeftCareButContinued, 1)]
    [InlineData("first not S", DataQualityCodes.NewPeriodWithoutS, 1)]
    [InlineData("short break in care", DataQualityCodes.ShortBreakDuringCare, 2)]
    public void Episode_problems_are_reported_not_thrown_and_a_best_effort_is_made(string scenario, string code, int periods)
    {
        var t = Compute(Scenario(scenario), ["2022-02-01"]);
        Assert.False(t.IsReliable);
        Assert.Contains(t.Problems, p => p.Code == code);
        Assert.Equal(periods, t.Periods.Count);
        // Every scenario has a period of full care starting 10 January 2022 whose first review is due 7 February.
        var first = t.Periods.First(p => !p.Period.IsShortBreakSeries);
        Assert.Equal(D("2022-01-10"), first.Start);
        Assert.Equal(D("2022-02-07"), first.Reviews.Single().DueDate);
    }

    [Fact]
    public void Overlap_merges_into_one_open_period()
    {
        var t = Compute(Scenario("overlap"), []);
        Assert.Null(t.Periods[0].End);
        Assert.Equal(D("2022-02-07"), t.NextDueDate);
    }

    [Fact]
    public void Review_outside_any_period_is_listed_and_excluded()
    {
        var t = Compute([Ep("2022-01-10", "2022-03-31"), Ep("2022-06-01")], ["2022-02-01", "2022-04-15", "2021-12-01"]);
        Assert.False(t.IsReliable);
        Assert.Equal(2, t.Problems.Count(p => p.Code == DataQualityCodes.ReviewOutsidePeriod));
        Assert.Contains(t.Problems, p => p.Date == D("2022-04-15"));
        Assert.Single(t.AllReviews);
    }

    [Fact]
    public void Duplicate_review_dates_are_counted_once()
    {
        var t = Compute([Ep("2022-05-27")], ["2022-06-20", "2022-06-20", "2022-09-01"]);
        Assert.False(t.IsReliable);
        var problem = Assert.Single(t.Problems);
        Assert.Equal(DataQualityCodes.DuplicateReview, problem.Code);
        Assert.Equal(D("2022-06-20"), problem.Date);
        Assert.Equal([D("2022-06-28"), D("2022-09-20")], t.AllReviews.Select(r => r.DueDate!.Value));
    }

    [Fact]
    public void No_episodes_means_no_periods_and_every_review_is_outside()
    {
        var t = Compute([], ["2022-06-20"]);
        Assert.Empty(t.Periods);
        Assert.Null(t.NextDueDate);
        Assert.False(t.IsOverdueOn(D("2022-07-01")));
        Assert.Equal(DataQualityCodes.ReviewOutsidePeriod, Assert.Single(t.Problems).Code);
    }

    [Fact]
    public void Periods_of_care_from_keeps_its_signature()
    {
        var periods = PeriodsOfCare.From([Ep("2022-01-10", "2022-02-15", rec: ReasonEpisodeCeased.X1), Ep("2022-02-15", rne: ReasonForNewEpisode.P)]);
        var p = Assert.Single(periods);
        Assert.True(p.IsOpen);
        Assert.Equal(2, p.Episodes.Count);
    }
}
