using Iro.Domain.Allocations;
using Iro.Domain.AnnualReport;
using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Codes;
using Iro.Domain.Officers;
using Iro.Domain.Reviews;
using Iro.Domain.Timetable;
using Iro.Web.Data;
using Iro.Web.Features.Caseloads;
using Iro.Web.Features.Timetable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// Computes a reporting year's report figures and the year before's from one load of the data for both years: the
/// children looked after in them with their episodes and allocations (<see cref="ReportPopulation"/>, which the
/// caseloads also count from) and the IROs, counted here, and what was recorded in the years with the service's own
/// queries (<see cref="ReportRecordedActivity"/>), which read nothing of the population and run on a second
/// connection meanwhile: on a national history the population's load and counting is half the time, the rest the
/// other half. Service-wide aggregates only: no child is named.
/// </summary>
public sealed class AnnualReportQuery(
    IroDbContext db, IServiceScopeFactory scopes, BankHolidayCalendar holidays, IOptions<ReportOptions> options,
    CaseloadSource caseloads, CaseloadBand band, IOptions<ReviewOptions> reviewOptions)
{
    public async Task<AnnualReportFigures> RunAsync(ReportingYear year, CancellationToken ct)
    {
        using var span = ReportSpans.Start("figures");
        var recorded = Task.Run(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ReportRecordedActivity>().RunAsync(year, ct);
        }, ct);
        var population = PopulationFiguresAsync(year, ct);
        // Both are awaited whatever happens, so neither outlives the request that asked for the report.
        await Task.WhenAll(recorded, population);
        return Combine(year, await population, await recorded);
    }

    /// <summary>What the population's figures need: the calendar, the population and the IROs, with the caseloads counted.</summary>
    private sealed record Population(
        IWorkingDayCalendar Calendar, IReadOnlyList<Child> Children, IReadOnlyList<ReviewingOfficer> Officers,
        IReadOnlyList<CaseloadSnapshot> MonthEnds, IReadOnlyDictionary<ReportingYear, PopulationYear> Years);

    private sealed record PopulationYear(LookedAfterProfile AtStart, LookedAfterProfile AtEnd, LookedAfterFlows Flows, AllocationYearFigures Allocation);

    private async Task<Population> PopulationFiguresAsync(ReportingYear year, CancellationToken ct)
    {
        var bands = options.Value.Bands;
        var previousYear = new ReportingYear(year.StartYear - 1);
        var (from, to) = (previousYear.Start, year.End);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cache = await BulkInsert.LargeLoadAsync(db, ct);
            var calendar = await ReportSpans.TimeAsync("calendar", () => holidays.GetAsync(ct));
            // From 31 March before the previous year: its looked-after-at-start figures count that day.
            var children = await ReportSpans.TimeAsync("children", () => ReportPopulation.LoadAsync(db, from.AddDays(-1), to, ct));
            var officers = await ReportSpans.TimeAsync("officers", () => db.ReviewingOfficers.AsNoTracking().Include(o => o.FteChanges).ToListAsync(ct));
            var monthEnds = await ReportSpans.TimeAsync("caseloads", async () => ReportPopulation.CaseloadsOn(
                children, [.. YearCaseloads.MonthEndsOf(previousYear), .. YearCaseloads.MonthEndsOf(year)], await caseloads.StaffAsync(ct)));

            // The previous year's end is this year's start: each date is counted once.
            var lookedAfter = new Dictionary<DateOnly, LookedAfterProfile>();
            LookedAfterProfile LookedAfterAt(DateOnly on) =>
                lookedAfter.TryGetValue(on, out var profile) ? profile : lookedAfter[on] = LookedAfterFigures.At(children, on, bands);
            var withPeriods = ReportSpans.Time("periods of care", () => children.Select(ReportChild.Of).ToList());
            var years = new Dictionary<ReportingYear, PopulationYear>();
            foreach (var y in new[] { year, previousYear })
            {
                years[y] = new PopulationYear(
                    ReportSpans.Time("looked after", () => LookedAfterAt(y.Start.AddDays(-1))),
                    ReportSpans.Time("looked after", () => LookedAfterAt(y.End)),
                    ReportSpans.Time("looked after", () => LookedAfterFigures.During(withPeriods, y)),
                    ReportSpans.Time("allocation", () => AllocationFigures.For(withPeriods, y, calendar)));
            }

            return new Population(calendar, children, officers, monthEnds, years);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private AnnualReportFigures Combine(ReportingYear year, Population population, RecordedActivity recorded)
    {
        var paperwork = recorded.Held
            .SelectMany(r => Enumerable.Repeat(new ReviewPaperwork(r.HeldOn, r.SocialWorkerReportReceivedOn, r.CarePlanReceivedOn), r.Count)).ToList();

        AnnualYearFigures For(ReportingYear y)
        {
            var participation = Enum.GetValues<ParticipationCode>().ToDictionary(code => code, code =>
                recorded.Held.Where(r => r.Participation == code && y.Contains(r.HeldOn)).Sum(r => r.Count));
            var (counted, queried) = (population.Years[y], recorded.Years[y]);
            return new AnnualYearFigures(
                y,
                IroServiceFigures.At(population.Officers, y.End),
                IroServiceFigures.Movement(population.Officers, y),
                counted.AtStart,
                counted.AtEnd,
                counted.Flows,
                queried.Timeliness,
                participation,
                counted.Allocation,
                queried.Escalations,
                new YearCaseloads([.. population.MonthEnds.Skip(y == year ? 12 : 0).Take(12)], band),
                queried.Voice,
                ReviewActivityFigures.Paperwork(paperwork, y, population.Calendar, reviewOptions.Value.PaperworkWorkingDaysBefore),
                ReviewActivityFigures.Activity(recorded.MidwayReviews, recorded.CaseNotes, recorded.Decisions, y));
        }

        return new AnnualReportFigures(For(year), For(new ReportingYear(year.StartYear - 1)));
    }
}
