using Iro.Domain.Calendar;
using Iro.Domain.Escalations;
using Iro.Domain.Reviews;
using Iro.Domain.Rules;
using Iro.Domain.Timetable;
using Iro.Web.Demo;

namespace Iro.Web.Tests.Features.Escalations;

/// <summary>The demo borough's escalations: realistic in number and shape, and the same for the same seed.</summary>
public sealed class FiguresOfTheDemoBoroughTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);
    private static readonly Lazy<DemoBorough> Borough = new(() => new DemoBoroughGenerator(2026, 320, AsOf).Generate());
    private static readonly EscalationOptions Options = new();
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;

    private static IReadOnlyList<Escalation> Escalations => Borough.Value.Escalations;

    private static string Fingerprint(DemoBorough borough) => string.Join("\n", borough.Escalations.Select(e =>
        $"{e.Child!.LocalId} {e.RaisedByOfficer!.Email} {e.RaisedOn} {string.Join(';', e.Themes.Select(t => t.Key))} {e.Outcome} {e.ResolvedOn} {e.CafcassReferredOn} "
        + string.Join('|', e.Stages.Select(s => $"{s.Level},{s.RecipientName},{s.RaisedOn},{s.ResponseDueOn},{s.RespondedOn},{s.NextStep}"))));

    [Fact]
    public void The_same_seed_gives_the_same_escalations()
    {
        var again = new DemoBoroughGenerator(2026, 320, AsOf).Generate();

        Assert.Equal(Fingerprint(Borough.Value), Fingerprint(again));
    }

    [Fact]
    public void About_five_are_raised_for_every_hundred_reviews_held_in_each_complete_year()
    {
        var current = ReportingYear.Containing(AsOf);
        foreach (var year in new[] { new ReportingYear(current.StartYear - 2), new ReportingYear(current.StartYear - 1) })
        {
            var held = Borough.Value.Children.Sum(c => c.Reviews.Held().Count(r => year.Contains(r.HeldOn)));
            var raised = Escalations.Count(e => year.Contains(e.RaisedOn));
            Assert.InRange(raised * 100.0 / held, 4.0, 6.0);
        }

        Assert.Contains(Escalations, e => current.Contains(e.RaisedOn));
    }

    [Fact]
    public void Each_is_raised_by_the_childs_iro_on_a_working_day_while_the_child_is_looked_after()
    {
        Assert.All(Escalations, e =>
        {
            Assert.True(Calendar.IsWorkingDay(e.RaisedOn));
            Assert.True(e.Child!.IsLookedAfterOn(e.RaisedOn));
            Assert.Contains(e.Child!.IroAllocations, a => a.IsCurrentOn(e.RaisedOn) && a.ReviewingOfficer == e.RaisedByOfficer);
            Assert.True(e.RaisedOn <= AsOf);
        });
    }

    [Fact]
    public void Stages_are_escalated_and_a_few_bypassed_most_are_resolved_with_a_mix_of_outcomes_and_one_is_referred_to_cafcass()
    {
        var steps = Escalations.SelectMany(e => e.Stages).Select(s => s.NextStep).ToList();
        Assert.Contains(StageNextStep.Escalated, steps);
        Assert.InRange(steps.Count(s => s == StageNextStep.Bypassed), 1, steps.Count(s => s == StageNextStep.Escalated));

        var lastYear = new ReportingYear(ReportingYear.Containing(AsOf).StartYear - 1);
        var ofLastYear = Escalations.Where(e => lastYear.Contains(e.RaisedOn)).ToList();
        Assert.True(ofLastYear.Count(e => !e.IsOpen) >= 0.8 * ofLastYear.Count);
        Assert.Equal(Enum.GetValues<EscalationOutcome>(), Escalations.Where(e => e.Outcome is not null).Select(e => e.Outcome!.Value).Distinct().Order());
        Assert.True(Escalations.Where(e => e.Outcome is not null).Count(e => e.Outcome == EscalationOutcome.Resolved) > Escalations.Count(e => e.Outcome is not null) / 2);
        Assert.Single(Escalations, e => e.CafcassReferredOn is not null);
        Assert.True(Escalations.SelectMany(e => e.Themes).Select(t => t.Key).Distinct().Count() >= 8);
    }

    [Fact]
    public void Some_open_escalations_are_overdue_at_the_as_of_date()
    {
        var overdue = Escalations.Where(e => e.IsOpen
            && EscalationClock.Stage(e, e.CurrentStage!, Options, Calendar, AsOf).State == DeadlineState.Overdue);

        Assert.True(overdue.Count() >= 2);
    }
}
