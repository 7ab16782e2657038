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
/// Computes a reporting year's report figures and the year before's from one load of the data for both years: the
/// children looked after in them with their episodes and allocations (<see cref="ReportPopulation"/>, which the
/// caseloads also count from), the IROs, the reviews held in them and their timetabled reviews (<see cref="ReportTimetables"/>). Caseloads, escalations and
/// the child's voice come from the queries behind <c>iro caseloads</c>, <c>iro escalations summary</c> and
/// <c>iro voice summary</c>, so the report cannot disagree with them. Service-wide aggregates only: no child is named.
/// </summary>
public sealed class AnnualReportQuery(
    IroDbContext db, ReportTimetables timetables, BankHolidayCalendar holidays, EscalationSummaryQuery escalations, IOptions<ReportOptions> options,
    CaseloadSource caseloads, CaseloadBand band, VoiceSummaryQuery voice, IOptions<ReviewOptions> reviewOptions)
{
    public async Task<AnnualReportFigures> RunAsync(ReportingYear year, CancellationToken ct)
    {
        using var span = ReportSpans.Start("figures");
        var bands = options.Value.Bands;
        var previousYear = new ReportingYear(year.StartYear - 1);
        var (from, to) = (previousYear.Start, year.End);
        var calendar = await ReportSpans.TimeAsync("calendar", () => holidays.GetAsync(ct));
        // From 31 March before the previous year: its looked-after-at-start figures count that day.
        var children = await ReportSpans.TimeAsync("children", () => ReportPopulation.LoadAsync(db, from.AddDays(-1), to, ct));
        var officers = await ReportSpans.TimeAsync("officers", () => db.ReviewingOfficers.AsNoTracking().Include(o => o.FteChanges).ToListAsync(ct));
        // One read of the reviews held in the two years for participation and paperwork: each query over the held
        // reviews walks the whole range, so sharing one costs less than counting each figure in the database.
        var held = await ReportSpans.TimeAsync("held reviews", () => db.Reviews.AsNoTracking().Where(ReviewQueries.IsHeld)
            .Where(r => r.HeldOn >= from && r.HeldOn <= to)
            .Select(r => new { r.HeldOn, r.Participation, r.SocialWorkerReportReceivedOn, r.CarePlanReceivedOn }).ToListAsync(ct));
        var paperwork = held.Select(r => new ReviewPaperwork(r.HeldOn, r.SocialWorkerReportReceivedOn, r.CarePlanReceivedOn)).ToList();
        var midway = await ReportSpans.TimeAsync("midway reviews", () => db.MidwayReviews.AsNoTracking().Where(m => !m.IsDeleted && m.HeldOn >= from && m.HeldOn <= to).Select(m => m.HeldOn).ToListAsync(ct));
        // Filtered here, not in the database: SQLite cannot compare DateTimeOffset values.
        var caseNotes = (await ReportSpans.TimeAsync("case notes", () => db.CaseNotes.AsNoTracking().Where(n => !n.IsDeleted).Select(n => n.CreatedAt).ToListAsync(ct)))
            .Select(at => DateOnly.FromDateTime(at.UtcDateTime)).ToList();
        var decisions = await ReportSpans.TimeAsync("decisions", () => db.ReviewDecisions.AsNoTracking()
            .Where(d => !d.IsDeleted && d.Review!.Status == ReviewStatus.Held && !d.Review.IsDeleted && d.Review.HeldOn >= from && d.Review.HeldOn <= to)
            .Select(d => d.Review!.HeldOn).ToListAsync(ct));
        var timetabled = await ReportSpans.TimeAsync("timetables", () => timetables.ReviewsAsync(previousYear, year, ct));
        var monthEnds = await ReportSpans.TimeAsync("caseloads", async () => ReportPopulation.CaseloadsOn(
            children, [.. YearCaseloads.MonthEndsOf(previousYear), .. YearCaseloads.MonthEndsOf(year)], await caseloads.StaffAsync(ct)));

        async Task<AnnualYearFigures> ForAsync(ReportingYear y)
        {
            var participation = ReportSpans.Time("participation", () => Enum.GetValues<ParticipationCode>().ToDictionary(code => code, code =>
                held.Count(r => r.Participation == code && y.Contains(r.HeldOn))));
            return new AnnualYearFigures(
                y,
                ReportSpans.Time("iro service", () => IroServiceFigures.At(officers, y.End)),
                ReportSpans.Time("iro service", () => IroServiceFigures.Movement(officers, y)),
                ReportSpans.Time("looked after", () => LookedAfterFigures.At(children, y.Start.AddDays(-1), bands)),
                ReportSpans.Time("looked after", () => LookedAfterFigures.At(children, y.End, bands)),
                ReportSpans.Time("looked after", () => LookedAfterFigures.During(children, y)),
                ReportSpans.Time("timeliness", () => TimelinessReport.For(timetabled, y)),
                participation,
                ReportSpans.Time("allocation", () => AllocationFigures.For(children, y, calendar)),
                await ReportSpans.TimeAsync("escalations", () => escalations.RunAsync(y, ct)),
                new YearCaseloads([.. monthEnds.Skip(y == year ? 12 : 0).Take(12)], band),
                await ReportSpans.TimeAsync("voice", () => voice.RunAsync(y, ct)),
                ReviewActivityFigures.Paperwork(paperwork, y, calendar, reviewOptions.Value.PaperworkWorkingDaysBefore),
                ReportSpans.Time("activity", () => ReviewActivityFigures.Activity(midway, caseNotes, decisions, y)));
        }

        var current = await ForAsync(year);
        var previous = await ForAsync(previousYear);
        return new AnnualReportFigures(current, previous);
    }
}
