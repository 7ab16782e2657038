using Iro.Domain.Calendar;
using Iro.Domain.Reviews;
using Iro.Domain.Timetable;

namespace Iro.Domain.AnnualReport;

/// <summary>A held review as the paperwork figure needs it: when it was held and when its reports reached the IRO.</summary>
public sealed record ReviewPaperwork(DateOnly HeldOn, DateOnly? SocialWorkerReportReceivedOn, DateOnly? CarePlanReceivedOn)
{
    /// <summary>Whether either date was recorded: reviews imported from the SSDA903 carry neither.</summary>
    public bool IsRecorded => SocialWorkerReportReceivedOn is not null || CarePlanReceivedOn is not null;
}

/// <param name="Reviews">Reviews held in the year with their paperwork recorded: the denominator.</param>
/// <param name="OnTime">Of those, reviews whose report and care plan both reached the IRO in time (<see cref="ReviewRules.PaperworkOnTime"/>).</param>
public sealed record PaperworkFigures(int Reviews, int OnTime);

/// <summary>The IRO's work between reviews in the year: midway reviews held, case notes written, decisions made at reviews held.</summary>
public sealed record ActivityFigures(int MidwayReviews, int CaseNotes, int Decisions);

/// <summary>
/// Paperwork and activity between reviews for a reporting year (both days of 1 April and 31 March in it). Only
/// reviews whose paperwork was recorded count towards paperwork on time: a review imported from the SSDA903 has
/// no paperwork dates, and counting it as late would report what was never recorded.
/// </summary>
public static class ReviewActivityFigures
{
    public static PaperworkFigures Paperwork(IEnumerable<ReviewPaperwork> held, ReportingYear year, IWorkingDayCalendar calendar, int workingDaysBefore)
    {
        ArgumentNullException.ThrowIfNull(held);
        var recorded = held.Where(r => r.IsRecorded && year.Contains(r.HeldOn)).ToList();
        return new PaperworkFigures(recorded.Count, recorded.Count(r =>
            ReviewRules.PaperworkOnTime(r.SocialWorkerReportReceivedOn, r.CarePlanReceivedOn, r.HeldOn, calendar, workingDaysBefore)));
    }

    /// <param name="midwayReviewsHeldOn">The dates midway reviews were held.</param>
    /// <param name="caseNotesWrittenOn">The dates case notes were written.</param>
    /// <param name="decisionReviewsHeldOn">For each decision, the date of the review that made it.</param>
    public static ActivityFigures Activity(
        IEnumerable<DateOnly> midwayReviewsHeldOn, IEnumerable<DateOnly> caseNotesWrittenOn, IEnumerable<DateOnly> decisionReviewsHeldOn, ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(midwayReviewsHeldOn);
        ArgumentNullException.ThrowIfNull(caseNotesWrittenOn);
        ArgumentNullException.ThrowIfNull(decisionReviewsHeldOn);
        return new ActivityFigures(midwayReviewsHeldOn.Count(year.Contains), caseNotesWrittenOn.Count(year.Contains), decisionReviewsHeldOn.Count(year.Contains));
    }
}
