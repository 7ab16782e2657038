using Iro.Domain.Codes;
using Iro.Domain.Escalations;
using Iro.Domain.Reviews;
using Iro.Domain.Timetable;
using Iro.Domain.Voice;
using Iro.Web.Data;
using Iro.Web.Features.Escalations;
using Iro.Web.Features.Reporting;
using Iro.Web.Features.Voice;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.AnnualReport;

/// <summary>The reviews held in the two years, counted by the fields participation and paperwork read.</summary>
public sealed record HeldReviewGroup(DateOnly HeldOn, ParticipationCode? Participation, DateOnly? SocialWorkerReportReceivedOn, DateOnly? CarePlanReceivedOn, int Count);

/// <summary>One year's figures from the service's own queries.</summary>
public sealed record ServiceQueryFigures(TimelinessReport Timeliness, EscalationFigures Escalations, VoiceFigures Voice);

/// <summary>What <see cref="ReportRecordedActivity"/> reads for the year and the year before.</summary>
public sealed record RecordedActivity(
    IReadOnlyList<HeldReviewGroup> Held,
    IReadOnlyList<DateOnly> MidwayReviews,
    IReadOnlyList<DateOnly> CaseNotes,
    IReadOnlyList<DateOnly> Decisions,
    IReadOnlyDictionary<ReportingYear, ServiceQueryFigures> Years);

/// <summary>
/// The report's figures that come from what was recorded (reviews held, midway reviews, case notes, decisions) and
/// from the service's own queries behind <c>iro reviews timeliness</c> (<see cref="TimelinessQuery"/>),
/// <c>iro escalations summary</c> and <c>iro voice summary</c>, so the report cannot disagree with them. None of it
/// reads the report's population, so <see cref="AnnualReportQuery"/> runs it on a connection of its own beside the
/// population's load and counting.
/// </summary>
public sealed class ReportRecordedActivity(IroDbContext db, TimelinessQuery timeliness, EscalationSummaryQuery escalations, VoiceSummaryQuery voice)
{
    public async Task<RecordedActivity> RunAsync(ReportingYear year, CancellationToken ct)
    {
        var previousYear = new ReportingYear(year.StartYear - 1);
        var (from, to) = (previousYear.Start, year.End);
        // One connection for every query, with the larger page cache of a large load on SQLite: the held and
        // timetabled reviews are walked through their date indexes, and with the default cache (2 MiB) nearly every
        // row costs a read of its page from the file.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cache = await BulkInsert.LargeLoadAsync(db, ct);
            // Counted in the database (a few thousand groups instead of a row a review), in one pass.
            var held = await ReportSpans.TimeAsync("held reviews", () => db.Reviews.AsNoTracking().Where(ReviewQueries.IsHeld)
                .Where(r => r.HeldOn >= from && r.HeldOn <= to)
                .GroupBy(r => new { r.HeldOn, r.Participation, r.SocialWorkerReportReceivedOn, r.CarePlanReceivedOn })
                .Select(g => new HeldReviewGroup(g.Key.HeldOn, g.Key.Participation, g.Key.SocialWorkerReportReceivedOn, g.Key.CarePlanReceivedOn, g.Count()))
                .ToListAsync(ct));
            var midway = await ReportSpans.TimeAsync("midway reviews", () => db.MidwayReviews.AsNoTracking()
                .Where(m => !m.IsDeleted && m.HeldOn >= from && m.HeldOn <= to).Select(m => m.HeldOn).ToListAsync(ct));
            // Filtered here, not in the database: SQLite cannot compare DateTimeOffset values.
            var caseNotes = (await ReportSpans.TimeAsync("case notes", () => db.CaseNotes.AsNoTracking().Where(n => !n.IsDeleted).Select(n => n.CreatedAt).ToListAsync(ct)))
                .Select(at => DateOnly.FromDateTime(at.UtcDateTime)).ToList();
            // Driven from the decisions (one primary-key look-up of the review each): a join is driven from the
            // reviews held in the years and walks every one of them, however few decisions there are.
            var decisions = (await ReportSpans.TimeAsync("decisions", () => db.ReviewDecisions.AsNoTracking().Where(d => !d.IsDeleted)
                    .Select(d => db.Reviews.Where(ReviewQueries.IsHeld).Where(r => r.Id == d.ReviewId && r.HeldOn >= from && r.HeldOn <= to)
                        .Select(r => (DateOnly?)r.HeldOn).FirstOrDefault())
                    .ToListAsync(ct)))
                .OfType<DateOnly>().ToList();
            var voices = await ReportSpans.TimeAsync("voice", () => voice.RunAsync([year, previousYear], ct));
            var years = new Dictionary<ReportingYear, ServiceQueryFigures>();
            foreach (var y in new[] { year, previousYear })
            {
                years[y] = new ServiceQueryFigures(
                    await ReportSpans.TimeAsync("timeliness", () => timeliness.ReportAsync(y, ct)),
                    await ReportSpans.TimeAsync("escalations", () => escalations.RunAsync(y, ct)),
                    voices[y]);
            }

            return new RecordedActivity(held, midway, caseNotes, decisions, years);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
