using Iro.Domain.Allocations;
using Iro.Domain.AnnualReport;
using Iro.Domain.Codes;
using Iro.Domain.Reviews;
using Iro.Domain.Timetable;
using Iro.Web.Data;
using Iro.Web.Features.Caseloads;
using Iro.Web.Features.Escalations;
using Iro.Web.Features.Reporting;
using Iro.Web.Features.Timetable;
using Iro.Web.Features.Voice;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// Computes a reporting year's report figures and the year before's from one load of the data: the children with
/// their episodes and allocations, the IROs, the held reviews and the review timetables. Caseloads, escalations and
/// the child's voice come from the queries behind <c>iro caseloads</c>, <c>iro escalations summary</c> and
/// <c>iro voice summary</c>, so the report cannot disagree with them. Service-wide aggregates only: no child is named.
/// </summary>
public sealed class AnnualReportQuery(
    IroDbContext db, TimetableService timetables, BankHolidayCalendar holidays, EscalationSummaryQuery escalations, IOptions<ReportOptions> options,
    CaseloadSource caseloads, CaseloadBand band, VoiceSummaryQuery voice, IOptions<ReviewOptions> reviewOptions)
{
    public async Task<AnnualReportFigures> RunAsync(ReportingYear year, CancellationToken ct)
    {
        var bands = options.Value.Bands;
        var calendar = await holidays.GetAsync(ct);
        var children = await db.Children.AsNoTracking().Include(c => c.Episodes).Include(c => c.IroAllocations).AsSplitQuery().ToListAsync(ct);
        var officers = await db.ReviewingOfficers.AsNoTracking().Include(o => o.FteChanges).ToListAsync(ct);
        var held = await db.Reviews.AsNoTracking().Where(ReviewQueries.IsHeld)
            .Where(r => r.HeldOn >= year.Start.AddYears(-1) && r.HeldOn <= year.End)
            .Select(r => new { r.HeldOn, r.Participation, r.SocialWorkerReportReceivedOn, r.CarePlanReceivedOn }).ToListAsync(ct);
        var paperwork = held.Select(r => new ReviewPaperwork(r.HeldOn, r.SocialWorkerReportReceivedOn, r.CarePlanReceivedOn)).ToList();
        var (from, to) = (year.Start.AddYears(-1), year.End);
        var midway = await db.MidwayReviews.AsNoTracking().Where(m => !m.IsDeleted && m.HeldOn >= from && m.HeldOn <= to).Select(m => m.HeldOn).ToListAsync(ct);
        // Filtered here, not in the database: SQLite cannot compare DateTimeOffset values.
        var caseNotes = (await db.CaseNotes.AsNoTracking().Where(n => !n.IsDeleted).Select(n => n.CreatedAt).ToListAsync(ct))
            .Select(at => DateOnly.FromDateTime(at.UtcDateTime)).ToList();
        var decisions = await db.ReviewDecisions.AsNoTracking()
            .Where(d => !d.IsDeleted && d.Review!.Status == ReviewStatus.Held && !d.Review.IsDeleted && d.Review.HeldOn >= from && d.Review.HeldOn <= to)
            .Select(d => d.Review!.HeldOn).ToListAsync(ct);
        var timetabled = (await timetables.LoadAllAsync(year.End, ct)).SelectMany(e => e.Timetable.AllReviews).ToList();
        var previousYear = new ReportingYear(year.StartYear - 1);
        var monthEnds = await caseloads.OnAsync([.. YearCaseloads.MonthEndsOf(previousYear), .. YearCaseloads.MonthEndsOf(year)], ct);

        async Task<AnnualYearFigures> ForAsync(ReportingYear y)
        {
            var participation = Enum.GetValues<ParticipationCode>().ToDictionary(code => code, code =>
                held.Count(r => r.Participation == code && y.Contains(r.HeldOn)));
            return new AnnualYearFigures(
                y,
                IroServiceFigures.At(officers, y.End),
                IroServiceFigures.Movement(officers, y),
                LookedAfterFigures.At(children, y.Start.AddDays(-1), bands),
                LookedAfterFigures.At(children, y.End, bands),
                LookedAfterFigures.During(children, y),
                TimelinessReport.For(timetabled, y),
                participation,
                AllocationFigures.For(children, y, calendar),
                await escalations.RunAsync(y, ct),
                new YearCaseloads([.. monthEnds.Skip(y == year ? 12 : 0).Take(12)], band),
                await voice.RunAsync(y, ct),
                ReviewActivityFigures.Paperwork(paperwork, y, calendar, reviewOptions.Value.PaperworkWorkingDaysBefore),
                ReviewActivityFigures.Activity(midway, caseNotes, decisions, y));
        }

        var current = await ForAsync(year);
        var previous = await ForAsync(previousYear);
        return new AnnualReportFigures(current, previous);
    }
}
