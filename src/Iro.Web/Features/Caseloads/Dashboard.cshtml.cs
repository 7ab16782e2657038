using Iro.Domain.Allocations;
using Iro.Domain.Calendar;
using Iro.Domain.Officers;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Caseloads;

/// <summary>
/// Caseloads today against the band, and the month-end trend for the last 12 months. Every role sees the IROs
/// it may open (all of them for service-wide roles and analysts, whose view is names and counts, never
/// children; an IRO their own; an agency coordinator the agency's); the service and employment totals only
/// roles that see service-wide figures.
/// </summary>
public sealed class DashboardModel(VersionedResults results, IroDbContext db, CurrentUserAccessor currentUser, TimeProvider clock, CaseloadBand band) : PageModel
{
    public DateOnly Today { get; private set; }
    public CaseloadBand Band => band;
    public bool ShowTotals { get; private set; }
    public CaseloadReport Report { get; private set; } = null!;
    public CaseloadTrend Trend { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        Today = clock.ServiceToday();
        ShowTotals = user.Scope == ChildScope.All || user.Can(Permissions.ViewServiceFigures);
        var (today, showTotals) = (Today, ShowTotals);
        var view = await results.GetAsync(db, "caseloads", user, "", today, services => ComputeAsync(services, user, today, showTotals, band), ct);
        (Report, Trend) = (view.Report, view.Trend);
    }

    private sealed record View(CaseloadReport Report, CaseloadTrend Trend);

    private static async Task<View> ComputeAsync(IServiceProvider services, CurrentUser user, DateOnly today, bool showTotals, CaseloadBand band)
    {
        var db = services.GetRequiredService<IroDbContext>();
        var visible = (await db.ReviewingOfficers.AsNoTracking().VisibleTo(user).Select(o => o.Id).ToListAsync()).ToHashSet();
        var monthEnds = CaseloadCalculator.MonthEnds(today);
        var snapshots = await services.GetRequiredService<CaseloadSource>().OnAsync([.. monthEnds, today], CancellationToken.None);
        var report = await CaseloadReport.BuildAsync(db, snapshots[^1], CancellationToken.None);
        var points = snapshots.Take(monthEnds.Count).Select(s => new TrendPoint(s.On, showTotals
            ? s.Service
            : Caseload.Sum(s.Officers.Where(o => visible.Contains(o.OfficerId)).Select(o => o.Caseload))));
        return new View(
            report with { Officers = [.. report.Officers.Where(o => visible.Contains(o.Id))] },
            new CaseloadTrend(showTotals ? "Children per FTE across the service at each month end" : "Children per FTE of your IROs at each month end", [.. points], band));
    }

    public string PositionOf(Caseload caseload) => caseload.PerFte is { } perFte ? band.PositionOf(perFte).ToString() : "No FTE";

    public static string EmploymentLabel(Employment employment) => employment == Employment.InHouse ? "In-house" : "Commissioned";
}
