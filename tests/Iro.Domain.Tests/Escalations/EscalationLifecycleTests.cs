using Iro.Domain.Calendar;
using Iro.Domain.Escalations;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Escalations;

public class EscalationLifecycleTests
{
    private static readonly WorkingDayCalendar Cal = WorkingDayCalendar.EnglandAndWales;
    private static readonly EscalationOptions Options = new();
    private static readonly DateOnly Today = D("2026-06-30");

    private static Escalation Raise(string level, string raisedOn) => Escalation.Start(
        new EscalationStart(1, 2, "SDQ not done for a year", "Complete the SDQ", ["sdq"], new StageAddressee(level, "A Manager", null, D(raisedOn))),
        Options, Cal, Today);

    [Theory]
    // Five working days from raising; the raising day is day 0.
    [InlineData("TeamManager", "2026-06-01", "2026-06-08")]
    // Raised on a Saturday: Monday is the first working day after it.
    [InlineData("TeamManager", "2026-06-06", "2026-06-12")]
    // Across the Easter bank holidays (Good Friday 3 April, Easter Monday 6 April 2026).
    [InlineData("ServiceManager", "2026-04-01", "2026-04-10")]
    public void A_stage_is_due_five_working_days_after_it_is_raised(string level, string raisedOn, string due)
    {
        var escalation = Raise(level, raisedOn);

        var stage = Assert.Single(escalation.Stages);
        Assert.Equal(D(due), stage.ResponseDueOn);
        Assert.Equal(level, stage.Level);
        Assert.Equal("Team manager", Options.Level("teammanager")!.Label);
        Assert.Equal(["Sdq"], escalation.Themes.Select(t => t.Key));
    }

    [Fact]
    public void Moving_to_the_next_level_is_escalating_and_skipping_levels_is_bypassing()
    {
        var escalation = Raise("Informal", "2026-06-01");
        escalation.MoveTo(new StageAddressee("TeamManager", "B", null, D("2026-06-03")), Options, Cal, Today);
        escalation.MoveTo(new StageAddressee("HeadOfService", "C", null, D("2026-06-10")), Options, Cal, Today);

        Assert.Equal([StageNextStep.Escalated, StageNextStep.Bypassed, null], escalation.Stages.Select(s => s.NextStep));
        Assert.Equal("Head of service", escalation.Stages[2].RecipientRole);
        Assert.Equal("HeadOfService", EscalationClock.HighestLevel(escalation, Options));
    }

    [Fact]
    public void The_total_clock_starts_at_the_first_formal_stage()
    {
        var escalation = Raise("Informal", "2026-06-01");
        Assert.Null(EscalationClock.Total(escalation, Options, Cal, Today));

        escalation.MoveTo(new StageAddressee("TeamManager", "B", null, D("2026-06-03")), Options, Cal, Today);
        var total = EscalationClock.Total(escalation, Options, Cal, Today)!;

        // 20 working days after Wednesday 3 June 2026: Wednesday 1 July.
        Assert.Equal(D("2026-07-01"), total.DueOn);
        Assert.Equal(DeadlineState.DueSoon, total.State);
    }

    [Theory]
    [InlineData("2026-06-01", "2026-06-01", 0)]
    [InlineData("2026-06-05", "2026-06-08", 1)]
    // Raised on a Saturday, resolved on the Monday.
    [InlineData("2026-06-06", "2026-06-08", 1)]
    // Easter 2026: Thursday 2 April to Tuesday 7 April is 1 working day (Tuesday) after Good Friday and Easter Monday.
    [InlineData("2026-04-02", "2026-04-07", 1)]
    public void Working_days_to_resolve_count_the_days_after_raising_up_to_resolution(string raisedOn, string resolvedOn, int expected)
    {
        var escalation = Raise("TeamManager", raisedOn);
        escalation.Resolve(EscalationOutcome.Resolved, D(resolvedOn), null, Today);

        Assert.Equal(expected, EscalationClock.WorkingDaysToResolve(escalation, Cal));
        Assert.Equal(StageNextStep.Resolved, escalation.Stages[0].NextStep);
        Assert.Equal("TeamManager", EscalationClock.ResolvedAtLevel(escalation));
    }

    [Fact]
    public void A_stage_not_answered_by_its_date_is_overdue_and_an_answer_stops_its_clock()
    {
        var escalation = Raise("TeamManager", "2026-06-01");
        Assert.Equal(DeadlineState.Overdue, EscalationClock.Stage(escalation, escalation.Stages[0], Options, Cal, D("2026-06-09")).State);

        escalation.RecordResponse(D("2026-06-05"), "Booked for next week", Today);
        Assert.Equal(DeadlineState.OnTime, EscalationClock.Stage(escalation, escalation.Stages[0], Options, Cal, D("2026-06-09")).State);
    }

    [Fact]
    public void Refuses_a_lower_level_a_future_date_and_unknown_themes()
    {
        var escalation = Raise("ServiceManager", "2026-06-01");

        Assert.Contains(escalation.NextStageProblems(new StageAddressee("TeamManager", "B", null, D("2026-06-02")), Options, Today), p => p.Field == "Level");
        Assert.Contains(escalation.NextStageProblems(new StageAddressee("Director", "B", null, D("2026-07-02")), Options, Today), p => p.Field == "RaisedOn");
        var start = new EscalationStart(1, 2, "c", "a", ["Nonsense"], new StageAddressee("Nowhere", "x", null, D("2026-06-01")));
        var problems = Escalation.StartProblems(start, Options, Today);
        Assert.Contains(problems, p => p.Field == "Themes");
        Assert.Contains(problems, p => p.Field == "Level");
    }
}
