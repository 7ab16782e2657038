using System.Globalization;
using Iro.Domain.Calendar;
using Iro.Web.Access;
using Iro.Web.Audit;
using Iro.Web.Features.Reporting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Iro.Web.Data;

namespace Iro.Web.Features.Agencies;

/// <summary>
/// Commissioned agencies' activity for invoicing, for a range of months (by default the last complete month),
/// on the page, as CSV and as an Excel workbook with a sheet per month. Downloads are recorded against the IROs in them.
/// </summary>
[Authorize(Policy = Permissions.ViewAgencyActivity)]
public sealed class ActivityModel(VersionedResults results, IroDbContext db, CurrentUserAccessor users, AuditedDownload download, AuditLog audit, TimeProvider clock) : PageModel
{
    public const string Path = "/agencies/activity";

    /// <summary>The first month, as <c>yyyy-MM</c>.</summary>
    [BindProperty(SupportsGet = true)] public string? From { get; set; }

    /// <summary>The last month, as <c>yyyy-MM</c>.</summary>
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public DateOnly FirstMonth { get; private set; }
    public DateOnly LastMonth { get; private set; }
    public IReadOnlyList<AgencyActivityQuery.Row> Rows { get; private set; } = [];

    public string DownloadUrl(string handler) => $"{Path}?handler={handler}&from={Month(FirstMonth)}&to={Month(LastMonth)}";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Page();
        return await download.OfficersCsvAsync(AgencyActivityReport.Table(Rows), FileName("csv"), Rows.Select(r => r.OfficerId).Distinct(), CsvLineEnding.CrLf, ct);
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Page();
        var fileName = FileName("xlsx");
        var user = await users.GetAsync(ct);
        await audit.RecordDownloadAsync(user.UserId, AuditedDownload.OfficerEntity,
            Rows.Select(r => r.OfficerId).Distinct().Select(id => id.ToString(CultureInfo.InvariantCulture)), Request.Path + Request.QueryString, fileName, ct);
        return File(AgencyActivityReport.Workbook(Rows, FirstMonth, LastMonth), AgencyActivityReport.WorkbookContentType, fileName);
    }

    private string FileName(string extension) => $"agency-activity-{Month(FirstMonth)}-to-{Month(LastMonth)}.{extension}";

    private static string Month(DateOnly month) => month.ToString(AgencyActivityReport.MonthFormat, CultureInfo.InvariantCulture);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var today = clock.ServiceToday();
        var lastComplete = AgencyActivityQuery.MonthOf(today).AddMonths(-1);
        var first = ReadMonth(nameof(From), From, "The first month", lastComplete);
        var last = ReadMonth(nameof(To), To, "The last month", first ?? lastComplete);
        if (first is { } f && last is { } l)
        {
            if (l < f) ModelState.AddModelError(nameof(To), "The last month must be the same as or after the first month");
            else if (l > f.AddMonths(AgencyActivityQuery.MaxMonths - 1)) ModelState.AddModelError(nameof(To), $"Choose {AgencyActivityQuery.MaxMonths} months or fewer");
        }

        if (!ModelState.IsValid || first is null || last is null) return false;
        (FirstMonth, LastMonth) = (first.Value, last.Value);
        (From, To) = (Month(FirstMonth), Month(LastMonth));
        var (user, firstMonth, lastMonth) = (await users.GetAsync(ct), FirstMonth, LastMonth);
        Rows = await results.GetAsync(db, "agency-activity", user, (firstMonth, lastMonth), today,
            services => services.GetRequiredService<AgencyActivityQuery>().RunAsync(user, firstMonth, lastMonth, today, CancellationToken.None), ct);
        return true;
    }

    private DateOnly? ReadMonth(string field, string? text, string label, DateOnly empty)
    {
        if (string.IsNullOrWhiteSpace(text)) return empty;
        if (DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year >= 2000 && month.Year <= 2100)
            return month;
        ModelState.AddModelError(field, $"{label} must be a month written as year and month, like 2026-10");
        return null;
    }
}
