using Iro.Domain.Calendar;
using Iro.Domain.Escalations;
using Iro.Domain.Timetable;
using static Iro.Domain.Tests.TestDates;

namespace Iro.Domain.Tests.Escalations;

public class EscalationFiguresTests
{
    private static readonly WorkingDayCalendar Cal = WorkingDayCalendar.EnglandAndWales;
    private static readonly EscalationOptions Options = new();
    private static readonly ReportingYear Year201718 = ReportingYear.Parse("2017-18");

    /// <summary>An escalation that went through the given levels (all raised on its raising date) and maybe ended.</summary>
    private static Escalation E(
        string raisedOn, string levels, string themes = "Sdq", string? resolvedOn = null, EscalationOutcome? outcome = null, string? cafcassOn = null)
    {
        var stages = levels.Split('>').Select((level, i) => new EscalationStage { Sequence = i + 1, Level = level, RaisedOn = D(raisedOn) }).ToList();
        return new Escalation
        {
            RaisedOn = D(raisedOn),
            Stages = stages,
            Themes = themes.Split(';').Select(t => new EscalationThemeTag { Key = t }).ToList(),
            ResolvedOn = N(resolvedOn),
            Outcome = outcome,
            CafcassReferredOn = N(cafcassOn),
        };
    }

    private static Dictionary<string, int> Counts(IEnumerable<EscalationCount> counts) => counts.ToDictionary(c => c.Key, c => c.Count);

    [Theory]
    // 31 March belongs to the year ending then; 1 April starts the next (Saturday and Sunday in 2018).
    [InlineData("2018-03-31", "2017-18", 1, 0)]
    [InlineData("2018-04-01", "2017-18", 0, 0)]
    [InlineData("2018-04-01", "2018-19", 1, 0)]
    [InlineData("2018-03-31", "2018-19", 0, 1)]
    [InlineData("2017-04-01", "2017-18", 1, 0)]
    [InlineData("2017-03-31", "2017-18", 0, 1)]
    public void An_escalation_belongs_to_the_reporting_year_it_was_raised_in(string raisedOn, string year, int count, int previousYearCount)
    {
        var figures = EscalationFigures.For([E(raisedOn, "TeamManager")], ReportingYear.Parse(year), Options, Cal);

        Assert.Equal(count, figures.Count);
        Assert.Equal(previousYearCount, figures.PreviousYearCount);
    }

    [Theory]
    [InlineData(new[] { 9 }, 9)]
    [InlineData(new[] { 1, 2, 4 }, 2)]
    // Even counts: the mean of the two middle values, then half up.
    [InlineData(new[] { 8, 9 }, 9)]
    [InlineData(new[] { 0, 8, 9, 23 }, 9)]
    [InlineData(new[] { 2, 4 }, 3)]
    [InlineData(new[] { 0, 1 }, 1)]
    public void The_median_is_rounded_half_up(int[] sorted, int median) =>
        Assert.Equal(median, EscalationFigures.MedianRoundedHalfUp(sorted));

    [Fact]
    public void An_escalation_resolved_the_day_it_was_raised_took_0_working_days()
    {
        var figures = EscalationFigures.For([E("2017-06-05", "TeamManager", resolvedOn: "2017-06-05", outcome: EscalationOutcome.Resolved)], Year201718, Options, Cal);

        Assert.Equal(0, figures.MedianWorkingDaysToResolve);
        Assert.Equal(0, figures.MaxWorkingDaysToResolve);
        Assert.Equal(0, figures.Open);
    }

    [Fact]
    public void One_resolved_after_the_year_end_is_not_open_and_with_none_resolved_the_times_are_null()
    {
        var resolvedLater = EscalationFigures.For([E("2018-03-29", "TeamManager", resolvedOn: "2018-04-10", outcome: EscalationOutcome.Resolved)], Year201718, Options, Cal);
        Assert.Equal(0, resolvedLater.Open);
        // Thursday 29 March to Tuesday 10 April 2018, without Good Friday and Easter Monday: 6 working days.
        Assert.Equal(6, resolvedLater.MaxWorkingDaysToResolve);

        var stillOpen = EscalationFigures.For([E("2018-03-29", "TeamManager")], Year201718, Options, Cal);
        Assert.Equal(1, stillOpen.Open);
        Assert.Null(stillOpen.MedianWorkingDaysToResolve);
        Assert.Null(stillOpen.MaxWorkingDaysToResolve);
    }

    [Fact]
    public void A_year_is_counted_by_level_theme_and_outcome_with_every_configured_key_listed()
    {
        var escalations = new[]
        {
            // Resolved the day it was raised: 0 working days.
            E("2017-06-05", "TeamManager", "Sdq", "2017-06-05", EscalationOutcome.Resolved),
            // Escalated, then bypassed to the head of service; Tuesday 6 to Friday 16 June: 8 working days.
            E("2017-06-06", "Informal>TeamManager>HeadOfService", "Sdq;Paperwork", "2017-06-16", EscalationOutcome.Compromise),
            // Friday 28 April to Friday 2 June, without the May bank holidays: 23 working days, over the 20.
            E("2017-04-28", "ServiceManager", "FamilyContact", "2017-06-02", EscalationOutcome.DifferenceAcknowledged, cafcassOn: "2017-05-20"),
            // Monday 4 to Friday 15 September: 9 working days.
            E("2017-09-04", "TeamManager", "Placement", "2017-09-15", EscalationOutcome.Withdrawn),
            // Raised on Saturday 31 March 2018 and still open.
            E("2018-03-31", "TeamManager", "Other"),
            // Other years: the next one is not counted; the previous year's are counted only as such.
            E("2018-04-01", "Director", "Health", "2018-04-03", EscalationOutcome.Resolved, cafcassOn: "2018-04-02"),
            E("2017-03-31", "TeamManager", "Health", cafcassOn: "2017-03-31"),
            E("2016-06-01", "TeamManager", "Health"),
        };

        var figures = EscalationFigures.For(escalations, Year201718, Options, Cal);

        Assert.Equal(5, figures.Count);
        Assert.Equal(2, figures.PreviousYearCount);
        Assert.Equal(1, figures.Open);
        Assert.Equal(
            new Dictionary<string, int> { ["Informal"] = 0, ["TeamManager"] = 3, ["ServiceManager"] = 1, ["HeadOfService"] = 1, ["OperationalDirector"] = 0, ["Director"] = 0 },
            Counts(figures.ByHighestLevel));
        Assert.Equal(
            new Dictionary<string, int> { ["Informal"] = 0, ["TeamManager"] = 2, ["ServiceManager"] = 1, ["HeadOfService"] = 1, ["OperationalDirector"] = 0, ["Director"] = 0 },
            Counts(figures.ByResolvedLevel));
        Assert.Equal(Options.EffectiveThemes.Select(t => t.Key), figures.ByTheme.Select(t => t.Key));
        Assert.Equal(
            new Dictionary<string, int> { ["Sdq"] = 2, ["Paperwork"] = 1, ["FamilyContact"] = 1, ["Placement"] = 1, ["Other"] = 1 },
            Counts(figures.ByTheme.Where(t => t.Count > 0)));
        Assert.Equal(
            new Dictionary<string, int> { ["Resolved"] = 1, ["Compromise"] = 1, ["DifferenceAcknowledged"] = 1, ["Withdrawn"] = 1 },
            Counts(figures.ByOutcome));
        // 0, 8, 9 and 23 working days: the median is 8.5, rounded half up.
        Assert.Equal(9, figures.MedianWorkingDaysToResolve);
        Assert.Equal(23, figures.MaxWorkingDaysToResolve);
        Assert.Equal(1, figures.OverTotalWorkingDays);
        Assert.Equal(1, figures.CafcassReferrals);
    }

    [Theory]
    // Exactly 20 working days is within the total; 21 is over. Monday 4 September 2017 + 20 = Monday 2 October.
    [InlineData("2017-10-02", 0)]
    [InlineData("2017-10-03", 1)]
    public void Over_the_total_means_more_working_days_to_resolve_than_the_total(string resolvedOn, int over)
    {
        var figures = EscalationFigures.For([E("2017-09-04", "TeamManager", resolvedOn: resolvedOn, outcome: EscalationOutcome.Resolved)], Year201718, Options, Cal);

        Assert.Equal(over, figures.OverTotalWorkingDays);
    }

    [Fact]
    public void A_level_or_theme_no_longer_configured_is_listed_after_the_configured_ones()
    {
        var figures = EscalationFigures.For([E("2017-06-05", "AssistantDirector", "Transport")], Year201718, Options, Cal);

        Assert.Equal(("AssistantDirector", 1), (figures.ByHighestLevel[^1].Key, figures.ByHighestLevel[^1].Count));
        Assert.Equal(("Transport", 1), (figures.ByTheme[^1].Key, figures.ByTheme[^1].Count));
    }
}
