using System.Text.Json;
using Iro.Domain.AnnualReport;
using Iro.Domain.Timetable;
using Iro.Web.Data;
using Iro.Web.Features.AnnualReport;
using Iro.Web.Features.Caseloads;
using Iro.Web.Features.Reporting;
using Iro.Web.Features.Timetable;
using Iro.Web.Tests.Infrastructure;
using Iro.Web.Tests.Timetable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iro.Web.Tests.Features.AnnualReport;

/// <summary>
/// The report loads only what its two years need. Over the timetable scenario's multi-year history, the 2025-26
/// report's narrowed loads give exactly the figures the whole service's data gives: T2 (in care 2022-23, back in
/// October 2026) and T4 (from November 2026) are left out of both loads, and T1's reviews in the years keep the due
/// dates their history since 2022 gives them.
/// </summary>
public abstract class ReportLoadsTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : TimetableApp
{
    private static readonly ReportingYear Year = new(2025);
    private static readonly ReportingYear PreviousYear = new(2024);

    [Fact]
    public async Task The_population_of_the_two_years_gives_the_looked_after_allocation_and_caseload_figures_of_every_child()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<IroDbContext>();
        var bands = services.GetRequiredService<IOptions<ReportOptions>>().Value.Bands;
        var calendar = await services.GetRequiredService<BankHolidayCalendar>().GetAsync(CancellationToken.None);
        var everyone = await db.Children.AsNoTracking().Include(c => c.Episodes).Include(c => c.IroAllocations).AsSplitQuery().ToListAsync();

        var population = await ReportPopulation.LoadAsync(db, PreviousYear.Start.AddDays(-1), Year.End, CancellationToken.None);

        Assert.Subset(everyone.Select(c => c.LocalId).ToHashSet(), population.Select(c => c.LocalId).ToHashSet());
        Assert.Contains(population, c => c.LocalId == "T1");
        Assert.DoesNotContain(population, c => c.LocalId is "T2" or "T4");
        foreach (var year in new[] { PreviousYear, Year })
        {
            Assert.Equal(Json(LookedAfterFigures.At(everyone, year.Start.AddDays(-1), bands)), Json(LookedAfterFigures.At(population, year.Start.AddDays(-1), bands)));
            Assert.Equal(Json(LookedAfterFigures.At(everyone, year.End, bands)), Json(LookedAfterFigures.At(population, year.End, bands)));
            Assert.Equal(LookedAfterFigures.During(everyone, year), LookedAfterFigures.During(population, year));
            Assert.Equal(AllocationFigures.For(everyone, year, calendar), AllocationFigures.For(population, year, calendar));
        }

        var caseloads = services.GetRequiredService<CaseloadSource>();
        DateOnly[] monthEnds = [.. YearCaseloads.MonthEndsOf(PreviousYear), .. YearCaseloads.MonthEndsOf(Year)];
        var counted = await caseloads.OnAsync(monthEnds, CancellationToken.None);
        Assert.Contains(counted, snapshot => snapshot.Officers.Any(o => o.Children > 0));
        Assert.Equal(Json(counted), Json(ReportPopulation.CaseloadsOn(population, monthEnds, await caseloads.StaffAsync(CancellationToken.None))));
    }

    [Fact]
    public async Task The_report_timeliness_is_that_of_the_service_timetables_of_the_reviews_held_in_the_two_years()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var everyone = await services.GetRequiredService<TimetableService>().LoadAllAsync(Year.End, CancellationToken.None);
        var reviews = everyone.SelectMany(e => e.Timetable.AllReviews).ToList();
        Assert.Contains(reviews, r => r.HeldOn == TimetableScenario.D("2025-09-26") && r.DueDate == TimetableScenario.D("2025-09-28"));

        var report = await services.GetRequiredService<AnnualReportQuery>().RunAsync(Year, CancellationToken.None);

        Assert.Equal(Json(TimelinessReport.For(reviews, Year)), Json(report.Year.Timeliness));
        Assert.Equal(Json(TimelinessReport.For(reviews, PreviousYear)), Json(report.PreviousYear.Timeliness));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}

public sealed class ReportLoadsSqliteTests(TimetableSqliteApp app) : ReportLoadsTests<TimetableSqliteApp>(app);

public sealed class ReportLoadsPostgresTests(TimetablePostgresApp app) : ReportLoadsTests<TimetablePostgresApp>(app);
