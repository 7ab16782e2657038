using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// The report as a file (HTML, Word, Excel or JSON). Asking for it starts producing it and opens this page, which
/// shows that the file is being produced and refreshes itself until the file is ready to download.
/// </summary>
[Authorize(Policy = Permissions.ViewServiceFigures)]
public sealed class DownloadModel(ReportDownloads downloads, IroDbContext db, CurrentUserAccessor users, TimeProvider clock) : PageModel
{
    public const string Path = "/reports/annual/downloads";

    public ReportDownload Download { get; private set; } = null!;

    /// <summary>The service's clock now, in UTC: a download's lease is judged against it.</summary>
    public DateTime NowUtc { get; } = clock.GetUtcNow().UtcDateTime;

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
        return Redirect(Link((await downloads.StartAsync(db, user.UserId, reportingYear, format, ct)).Id));
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await ReportDownloads.FindAsync(db, id, (await users.GetAsync(ct)).UserId, ct) is not { } download) return NotFound();
        Download = download;
        return Page();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, CancellationToken ct)
    {
        if (await ReportDownloads.FindAsync(db, id, (await users.GetAsync(ct)).UserId, ct) is not
            { Stage: ReportDownloadStage.Ready, Content: { } content, ContentType: { } type, FileName: { } name }) return NotFound();
        return File(content, type, name);
    }
}
