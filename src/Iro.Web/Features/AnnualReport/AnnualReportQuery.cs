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
/// caseloads also count from), the IROs and the reviews held in them, counted in the database. Timeliness,
/// escalations and the child's voice come from the queries behind <c>iro reviews timeliness</c>
/// (<see cref="TimelinessQuery"/>, over the materialised timetable), <c>iro escalations summary</c> and <c>iro voice summary</c>, so the report cannot
/// disagree with them. Service-wide aggregates only: no child is named.
/// </summary>
public sealed class AnnualReportQuery(
    IroDbContext db, TimelinessQuery timeliness, BankHolidayCalendar holidays, EscalationSummaryQuery escalations, IOptions<ReportOptions> options,
    CaseloadSource caseloads, CaseloadBand band, VoiceSummaryQuery voice, IOptions<ReviewOptions> reviewOptions)
{
    public async Task<AnnualReportFigures> RunAsync(ReportingYear year, CancellationToken ct)
    {
        using var span = ReportSpans.Start("figures");
        // One connection for every query of the report, with the larger page cache of a large load on SQLite: the
        // report walks most of the held and timetabled reviews through their date indexes, and with the default
        // cache (2 MiB) nearly every row costs a read of its page from the file.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cache = await BulkInsert.LargeLoadAsync(db, ct);
            return await ComputeAsync(year, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<AnnualReportFigures> ComputeAsync(ReportingYear year, CancellationToken ct)
    {
        var bands = options.Value.Bands;
        var previousYear = new ReportingYear(year.StartYear - 1);
        var (from, to) = (previousYear.Start, year.End);
        var calendar = await ReportSpans.TimeAsync("calendar", () => holidays.GetAsync(ct));
        // From 31 March before the previous year: its looked-after-at-start figures count that day.
        var children = await ReportSpans.TimeAsync("children", () => ReportPopulation.LoadAsync(db, from.AddDays(-1), to, ct));
        var officers = await ReportSpans.TimeAsync("officers", () => db.ReviewingOfficers.AsNoTracking().Include(o => o.FteChanges).ToListAsync(ct));
        // The reviews held in the two years, counted in the database by the fields participation and paperwork read
        // (a few thousand groups instead of a row a review), in one pass over the held reviews.
        var held = await ReportSpans.TimeAsync("held reviews", () => db.Reviews.AsNoTracking().Where(ReviewQueries.IsHeld)
            .Where(r => r.HeldOn >= from && r.HeldOn <= to)
            .GroupBy(r => new { r.HeldOn, r.Participation, r.SocialWorkerReportReceivedOn, r.CarePlanReceivedOn })
            .Select(g => new { g.Key.HeldOn, g.Key.Participation, g.Key.SocialWorkerReportReceivedOn, g.Key.CarePlanReceivedOn, Count = g.Count() })
            .ToListAsync(ct));
        var paperwork = held.SelectMany(r => Enumerable.Repeat(new ReviewPaperwork(r.HeldOn, r.SocialWorkerReportReceivedOn, r.CarePlanReceivedOn), r.Count)).ToList();
        var midway = await ReportSpans.TimeAsync("midway reviews", () => db.MidwayReviews.AsNoTracking().Where(m => !m.IsDeleted && m.HeldOn >= from && m.HeldOn <= to).Select(m => m.HeldOn).ToListAsync(ct));
        // Filtered here, not in the database: SQLite cannot compare DateTimeOffset values.
        var caseNotes = (await ReportSpans.TimeAsync("case notes", () => db.CaseNotes.AsNoTracking().Where(n => !n.IsDeleted).Select(n => n.CreatedAt).ToListAsync(ct)))
            .Select(at => DateOnly.FromDateTime(at.UtcDateTime)).ToList();
        // Driven from the decisions (one primary-key look-up of the review each): a join is driven from the reviews
        // held in the years and walks every one of them, however few decisions there are.
        var decisions = (await ReportSpans.TimeAsync("decisions", () => db.ReviewDecisions.AsNoTracking().Where(d => !d.IsDeleted)
                .Select(d => db.Reviews.Where(ReviewQueries.IsHeld).Where(r => r.Id == d.ReviewId && r.HeldOn >= from && r.HeldOn <= to)
                    .Select(r => (DateOnly?)r.HeldOn).FirstOrDefault())
                .ToListAsync(ct)))
            .OfType<DateOnly>().ToList();
        var monthEnds = await ReportSpans.TimeAsync("caseloads", async () => ReportPopulation.CaseloadsOn(
            children, [.. YearCaseloads.MonthEndsOf(previousYear), .. YearCaseloads.MonthEndsOf(year)], await caseloads.StaffAsync(ct)));

        // The previous year's end is this year's start: each date is counted once.
        var lookedAfter = new Dictionary<DateOnly, LookedAfterProfile>();
        LookedAfterProfile LookedAfterAt(DateOnly on) =>
            lookedAfter.TryGetValue(on, out var profile) ? profile : lookedAfter[on] = LookedAfterFigures.At(children, on, bands);

        async Task<AnnualYearFigures> ForAsync(ReportingYear y)
        {
            var participation = ReportSpans.Time("participation", () => Enum.GetValues<ParticipationCode>().ToDictionary(code => code, code =>
                held.Where(r => r.Participation == code && y.Contains(r.HeldOn)).Sum(r => r.Count)));
            return new AnnualYearFigures(
                y,
                ReportSpans.Time("iro service", () => IroServiceFigures.At(officers, y.End)),
                ReportSpans.Time("iro service", () => IroServiceFigures.Movement(officers, y)),
                ReportSpans.Time("looked after", () => LookedAfterAt(y.Start.AddDays(-1))),
                ReportSpans.Time("looked after", () => LookedAfterAt(y.End)),
                ReportSpans.Time("looked after", () => LookedAfterFigures.During(children, y)),
                await ReportSpans.TimeAsync("timeliness", () => timeliness.ReportAsync(y, ct)),
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
