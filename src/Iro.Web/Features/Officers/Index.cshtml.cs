using Iro.Domain.Calendar;
using Iro.Domain.Officers;
using Iro.Web.Access;
using Iro.Web.Features.Oversight;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Officers;

public sealed class IndexModel(CaseloadQuery query, CurrentUserAccessor currentUser, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CaseloadQuery.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await RunAsync(ct);

    /// <summary>The same caseloads as the page, as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var today = clock.ServiceToday();
        var rows = await RunAsync(ct);
        return CsvDownload.File(
            ["iro", "employment", "agency", "fte", "current", "left_on", "caseload", "caseload_per_fte"],
            rows.Select(r => new[]
            {
                r.Name, r.Employment == Employment.InHouse ? "in-house" : "commissioned", r.Agency, CsvDownload.Number(r.Fte),
                r.IsCurrent ? "true" : "false", CsvDownload.Date(r.EndDate), r.Caseload.ToString(System.Globalization.CultureInfo.InvariantCulture),
                CsvDownload.Number(r.CaseloadPerFte),
            }),
            $"iro-caseloads-{today:yyyy-MM-dd}.csv");
    }

    private async Task<IReadOnlyList<CaseloadQuery.Row>> RunAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        return await query.RunAsync(user, clock.ServiceToday(), ct);
    }
}
