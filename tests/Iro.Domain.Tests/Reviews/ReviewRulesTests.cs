using Iro.Domain.Calendar;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Reviews;

public sealed class ReviewRulesTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    private static readonly ReviewOptions Options = new();

    [Theory]
    // Born 20 May 2020: the 4th birthday, 20 May 2024, allows both (903 rules 440 and 441 as implemented).
    [InlineData(ParticipationCode.PN0, "2024-05-19", true)]
    [InlineData(ParticipationCode.PN0, "2024-05-20", true)]
    [InlineData(ParticipationCode.PN0, "2024-05-21", false)]
    [InlineData(ParticipationCode.PN1, "2024-05-19", false)]
    [InlineData(ParticipationCode.PN1, "2024-05-20", true)]
    [InlineData(ParticipationCode.PN7, "2030-01-01", true)]
    [InlineData(ParticipationCode.PN4, "2021-01-01", false)]
    public void Participation_code_must_fit_the_age_on_the_review_date(ParticipationCode code, string heldOn, bool allowed) =>
        Assert.Equal(allowed, ReviewRules.ParticipationProblem(code, D("2020-05-20"), D(heldOn)) is null);

    [Theory]
    // Adjourned Monday 2 November 2026; the 20th working day after is Monday 30 November.
    [InlineData(null, "2026-11-30", true)]
    [InlineData(null, "2026-12-01", false)]
    [InlineData(null, "2026-11-02", false)]
    [InlineData(null, "2026-11-03", true)]
    [InlineData("2026-10-20", "2026-11-10", false)]
    public void A_review_is_adjourned_once_for_at_most_20_working_days(string? previously, string resumes, bool allowed) =>
        Assert.Equal(allowed, ReviewRules.AdjournmentProblem(N(previously), D("2026-11-02"), D(resumes), Calendar, 20) is null);

    [Theory]
    // Review on Friday 27 November 2026: 3 working days before is Tuesday 24 November.
    [InlineData("2026-11-24", "2026-11-20", true)]
    [InlineData("2026-11-25", "2026-11-20", false)]
    [InlineData("2026-11-20", "2026-11-25", false)]
    [InlineData(null, "2026-11-20", false)]
    [InlineData("2026-11-01", null, false)]
    public void Paperwork_is_on_time_at_least_3_working_days_before(string? report, string? carePlan, bool onTime) =>
        Assert.Equal(onTime, ReviewRules.PaperworkOnTime(N(report), N(carePlan), D("2026-11-27"), Calendar, 3));

    [Fact]
    public void Paperwork_deadline_skips_bank_holidays()
    {
        // Review Wednesday 27 May 2026: 3 working days before skips the spring bank holiday (25 May) to Thursday 21 May.
        Assert.Equal(D("2026-05-21"), ReviewRules.PaperworkDeadline(D("2026-05-27"), Calendar, 3));
    }

    [Theory]
    [InlineData(DecisionStatus.Open, "2026-11-26", true)]
    [InlineData(DecisionStatus.Open, "2026-11-27", false)]
    [InlineData(DecisionStatus.Done, "2026-01-01", false)]
    [InlineData(DecisionStatus.NoLongerNeeded, "2026-01-01", false)]
    public void A_decision_is_overdue_only_while_open_after_its_date(DecisionStatus status, string dueBy, bool overdue) =>
        Assert.Equal(overdue, ReviewRules.IsOverdue(status, D(dueBy), D("2026-11-27")));

    [Theory]
    // Held Monday 2 November 2026: decisions due 9 November (5 WD), the record 30 November (20 WD).
    [InlineData(null, "2026-11-09", DeadlineState.NotYetDue)]
    [InlineData(null, "2026-11-10", DeadlineState.Overdue)]
    [InlineData("2026-11-09", "2026-12-31", DeadlineState.OnTime)]
    [InlineData("2026-11-10", "2026-12-31", DeadlineState.Late)]
    public void Decisions_are_due_out_within_5_working_days(string? sentOn, string today, DeadlineState expected)
    {
        var deadline = ReviewRules.DecisionsDeadline(D("2026-11-02"), N(sentOn), D(today), Calendar, Options);
        Assert.Equal(D("2026-11-09"), deadline.DueOn);
        Assert.Equal(expected, deadline.State);
    }

    [Theory]
    [InlineData(null, "2026-11-30", DeadlineState.NotYetDue)]
    [InlineData(null, "2026-12-01", DeadlineState.Overdue)]
    [InlineData("2026-11-30", "2026-12-31", DeadlineState.OnTime)]
    [InlineData("2026-12-01", "2026-12-31", DeadlineState.Late)]
    public void The_record_is_due_within_20_working_days(string? issuedOn, string today, DeadlineState expected)
    {
        var deadline = ReviewRules.RecordDeadline(D("2026-11-02"), N(issuedOn), D(today), Calendar, Options);
        Assert.Equal(D("2026-11-30"), deadline.DueOn);
        Assert.Equal(expected, deadline.State);
    }

    [Fact]
    public void Record_deadlines_are_configurable()
    {
        var options = new ReviewOptions { DecisionsDueWorkingDays = 10, RecordDueWorkingDays = 15 };
        Assert.Equal(D("2026-11-16"), ReviewRules.DecisionsDeadline(D("2026-11-02"), null, D("2026-11-02"), Calendar, options).DueOn);
        Assert.Equal(D("2026-11-23"), ReviewRules.RecordDeadline(D("2026-11-02"), null, D("2026-11-02"), Calendar, options).DueOn);
    }

    [Theory]
    [InlineData("2026-01-01", "2026-01-31", 0.5, "2026-01-16")]
    [InlineData("2026-01-01", "2026-07-01", 0.5, "2026-04-02")]
    [InlineData("2026-01-01", "2026-01-31", 0.25, "2026-01-09")]
    public void Midway_review_falls_the_configured_fraction_of_the_way(string last, string next, double fraction, string expected) =>
        Assert.Equal(D(expected), ReviewRules.MidwayDue(D(last), D(next), fraction));

    [Theory]
    [InlineData("2026-01-16", null, "2026-01-17", true)]
    [InlineData("2026-01-16", null, "2026-01-16", false)]
    [InlineData("2026-01-16", "2026-01-10", "2026-02-01", false)]
    [InlineData("2026-01-16", "2025-12-01", "2026-02-01", true)]
    public void Midway_review_is_overdue_when_none_was_held_since_the_last_review(string due, string? lastMidway, string today, bool overdue) =>
        Assert.Equal(overdue, ReviewRules.MidwayOverdue(D(due), D("2026-01-01"), N(lastMidway), D(today)));

    [Theory]
    [InlineData("2026-11-27", "2026-11-27", false)]
    [InlineData("2026-11-28", "2026-11-27", true)]
    [InlineData("2026-11-28", null, false)]
    public void A_review_is_late_when_held_after_its_due_date(string heldOn, string? dueOn, bool late) =>
        Assert.Equal(late, ReviewRules.IsLate(D(heldOn), N(dueOn)));
}
