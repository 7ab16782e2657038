using Iro.Domain.Timetable;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// The report as a file (HTML, Word, Excel or JSON). Asking for it starts producing it and opens this page, which
/// shows that the file is being produced and refreshes itself until the file is ready to download.
/// </summary>
[Authorize(Policy = Permissions.ViewServiceFigures)]
public sealed class DownloadModel(ReportDownloads downloads, CurrentUserAccessor users) : PageModel
{
    public const string Path = "/reports/annual/downloads";

    public ReportDownload Download { get; private set; } = null!;

    public static string Link(Guid id) => $"{Path}/{id}";

    public static string FormatName(string format) => format switch
    {
        "html" => "web page (HTML)",
        "docx" => "Word document",
        "xlsx" => "Excel workbook",
        _ => "JSON",
    };

    public async Task<IActionResult> OnPostAsync(string? year, string? format, CancellationToken ct)
    {
        if (!ReportingYear.TryParse(year, out var reportingYear) || format is null || !ReportDownloads.Formats.Contains(format)) return BadRequest();
        var user = await users.GetAsync(ct);
        return Redirect(Link(downloads.Start(user.UserId, reportingYear, format).Id));
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (downloads.Find(id, (await users.GetAsync(ct)).UserId) is not { } download) return NotFound();
        Download = download;
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, CancellationToken ct)
    {
        if (downloads.Find(id, (await users.GetAsync(ct)).UserId) is not { File: { } file }) return NotFound();
        return File(file.Content, file.ContentType, file.FileName);
    }
}
