using Iro.Domain.Calendar;
using Iro.Domain.Officers;
using Iro.Web.Access;
using Iro.Web.Features.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Iro.Web.Data;

namespace Iro.Web.Features.Officers;

public sealed class IndexModel(VersionedResults results, IroDbContext db, CurrentUserAccessor currentUser, TimeProvider clock, AuditedDownload download) : PageModel
{
    public IReadOnlyList<CaseloadQuery.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await RunAsync(ct);

    /// <summary>The same caseloads as the page, as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = await RunAsync(ct);
        return await download.OfficersCsvAsync(
            ReportTable.Of<CaseloadQuery.Row>(
                rows,
                new("iro", r => r.Name),
                new("employment", r => r.Employment == Employment.InHouse ? "in-house" : "commissioned"),
                new("agency", r => r.Agency),
                new("fte", r => r.Fte),
                new("current", r => r.IsCurrent),
                new("left_on", r => r.EndDate),
                new("caseload", r => r.Caseload),
                new("caseload_per_fte", r => r.CaseloadPerFte)),
            $"iro-caseloads-{clock.ServiceToday():yyyy-MM-dd}.csv",
            rows.Select(r => r.Id),
            CsvLineEnding.CrLf,
            ct);
    }

    private async Task<IReadOnlyList<CaseloadQuery.Row>> RunAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        var today = clock.ServiceToday();
        return await results.GetAsync(db, "officers", user, "", today,
            services => services.GetRequiredService<CaseloadQuery>().RunAsync(user, today, CancellationToken.None), ct);
    }
}
