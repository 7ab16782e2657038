using Iro.Domain.Timetable;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Iro.Web.Features.AnnualReport;

/// <summary>The year's report exactly as it will be published: the HTML report rendered from the draft's figures and narrative.</summary>
[Authorize(Policy = Permissions.PublishReports)]
public sealed class PreviewModel(AnnualReportBook book) : PageModel
{
    public const string Path = "/reports/annual/preview";

    public static string Link(ReportingYear year) => QueryHelpers.AddQueryString(Path, "year", year.ToString());

    public async Task<IActionResult> OnGetAsync(string? year, CancellationToken ct)
    {
        if (!ReportingYear.TryParse(year, out var reportingYear)) return NotFound();
        var report = await book.RenderAsync(reportingYear, "html", ct);
        return File(report.Content, report.ContentType + "; charset=utf-8");
    }
}
