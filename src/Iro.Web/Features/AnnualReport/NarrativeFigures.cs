using Iro.Domain.AnnualReport;
using Iro.Domain.Timetable;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// The figures of a year's report that the key messages may quote, with the phrases that name them (the rule is
/// <see cref="NarrativeNumbers"/>; the list is in docs/annual-report.md). Percentages are rounded as the tables
/// round them.
/// </summary>
public static class NarrativeFigures
{
    public static IReadOnlyList<NarrativeFigure> Of(AnnualYearFigures y)
    {
        ArgumentNullException.ThrowIfNull(y);
        var timeliness = y.Timeliness.Total;
        var allocation = y.Allocation;
        var voice = y.Voice;
        return
        [
            Count("reviews held", timeliness.Held, "reviews held", "reviews chaired", "statutory reviews held"),
            Count("reviews held on time", timeliness.OnTime, "reviews held on time", "reviews on time"),
            Percent("reviews held on time", timeliness.Percent, "reviews held on time", "reviews on time"),
            Count("children looked after at the start of the year", y.LookedAfterAtStart.Total, "children looked after at the start of the year"),
            Count("children looked after at 31 March", y.LookedAfterAtEnd.Total, "children looked after at 31 March", "children looked after at the end of the year"),
            Count("children who started to be looked after", y.LookedAfterFlows.Starts, "children started to be looked after", "children became looked after", "children came into care"),
            Count("children who ceased to be looked after", y.LookedAfterFlows.Ceases, "children ceased to be looked after", "children left care"),
            Count("children looked after at any time in the year", y.LookedAfterFlows.AtAnyTime, "children looked after at any time"),
            Count("IROs in post at 31 March", y.IrosAtEnd.Count, "IROs", "independent reviewing officers"),
            Count("IROs who joined", y.IroMovement.Joiners, "IROs joined", "new IROs"),
            Count("IROs who left", y.IroMovement.Leavers, "IROs left"),
            Count("periods of care started", allocation.PeriodsStarted, "periods of care started", "periods of care began"),
            Count("periods of care allocated an IRO within 5 working days", allocation.AllocatedWithinFiveWorkingDays,
                "periods of care allocated within 5 working days", "children allocated an IRO within 5 working days"),
            Percent("periods of care allocated an IRO within 5 working days", Timeliness.Percent(allocation.AllocatedWithinFiveWorkingDays, allocation.PeriodsStarted),
                "periods of care allocated within 5 working days", "children allocated an IRO within 5 working days", "allocated within 5 working days"),
            Count("IRO changes", allocation.IroChanges, "IRO changes", "changes of IRO"),
            Count("escalations raised", y.Escalations.Count, "escalations raised", "escalations"),
            Count("children referred for advocacy", voice.Advocacy.ChildrenReferred, "children referred for advocacy", "children referred to advocacy"),
            Count("children with an independent visitor", voice.IndependentVisitors.ChildrenWithVisitor, "children with an independent visitor", "children had an independent visitor"),
            Count("children missing", voice.Missing.Children, "children missing", "children went missing"),
            Count("missing episodes", voice.Missing.Episodes, "missing episodes", "episodes of missing"),
            Count("feedback returns", voice.Feedback.Responses, "children gave feedback", "feedback returns", "consultation returns"),
            Percent("children giving feedback who said their life was getting better", voice.Feedback.PercentYes,
                "said their lives were getting better", "said their life was getting better", "lives were getting better"),
            Count("midway reviews", y.Activity.MidwayReviews, "midway reviews"),
            Count("case notes", y.Activity.CaseNotes, "case notes"),
            Count("decisions made at reviews", y.Activity.Decisions, "decisions made at reviews"),
        ];
    }

    private static NarrativeFigure Count(string name, decimal value, params string[] phrases) => new(name, FigureKind.Count, value, phrases);

    private static NarrativeFigure Percent(string name, decimal value, params string[] phrases) => new(name, FigureKind.Percent, value, phrases);
}
