using System.Globalization;
using System.Text.Json;
using Iro.Web.Access;
using Iro.Web.Audit;
using Iro.Web.Data;
using Iro.Web.Features.Reporting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Governance;

/// <summary>
/// Audit reports for information governance: who opened or changed a child's record, or what a user opened or
/// changed, between two dates; paged, and as a CSV download that is itself audited.
/// </summary>
[Authorize(Policy = Permissions.ViewAuditReports)]
public sealed class AuditReportModel(IroDbContext db, AuditReportQuery query, AuditedDownload download, AuditLog audit, CurrentUserAccessor currentUser) : PageModel
{
    public const string Path = "/admin/audit";

    /// <summary>The audit entry written for each download of an audit report, keyed by its filters.</summary>
    public const string ReportEntity = "AuditReport";

    [BindProperty(SupportsGet = true, Name = "child")] public string? Child { get; set; }
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserEmail { get; set; }
    [BindProperty(SupportsGet = true, Name = "from")] public DateInput From { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "to")] public DateInput To { get; set; } = new();
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>Null until a child or user is asked for (and the filters are valid).</summary>
    public Paged<AuditReportQuery.Line>? Report { get; private set; }

    public bool Asked => !string.IsNullOrWhiteSpace(Child) || !string.IsNullOrWhiteSpace(UserEmail) || !From.IsEmpty || !To.IsEmpty;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!Asked || await FilterAsync(ct) is not { } filter) return;
        var page = await (await query.EntriesAsync(filter, ct)).PageOfAsync(PageNumber, ct);
        Report = new Paged<AuditReportQuery.Line>(await query.DescribeAsync(page.Rows, ct), page.Total, page.Page, page.PageSize);
    }

    /// <summary>Every entry the filters select, as CSV: each child in it gets a read, and the download its own entry.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (await FilterAsync(ct) is not { } filter) return BadRequest();
        var entries = await (await query.EntriesAsync(filter, ct)).ToListAsync(ct);
        var lines = await query.DescribeAsync(entries, ct);
        var user = await currentUser.GetAsync(ct);
        var filters = JsonSerializer.Serialize(new { child = filter.ChildLocalId, user = UserEmail?.Trim(), from = filter.From, to = filter.To, rows = lines.Count });
        await audit.RecordAsync(user.UserId, AuditLog.ReadAction, ReportEntity, filter.ChildLocalId ?? filter.UserId ?? "", filters, ct);
        return await download.ChildrenCsvAsync(AuditReportQuery.ToTable(lines), FileName(filter), CsvLineEnding.Lf, ct);
    }

    private async Task<AuditReportQuery.Filter?> FilterAsync(CancellationToken ct)
    {
        var childText = Child?.Trim();
        var userText = UserEmail?.Trim();
        if (string.IsNullOrEmpty(childText) && string.IsNullOrEmpty(userText))
            ModelState.AddModelError("child", "Enter a child's ID or a user's email address");
        var child = string.IsNullOrEmpty(childText) ? null
            : await db.Children.AsNoTracking().Where(c => c.LocalId == childText).Select(c => new { c.Id, c.LocalId }).FirstOrDefaultAsync(ct);
        if (!string.IsNullOrEmpty(childText) && child is null) ModelState.AddModelError("child", "No child has that ID");
        var normalised = userText?.ToUpperInvariant();
        var userId = string.IsNullOrEmpty(userText) ? null
            : await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalised).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (!string.IsNullOrEmpty(userText) && userId is null) ModelState.AddModelError("user", "No user has that email address");
        var from = From.Read(ModelState, "from", "The from date");
        var to = To.Read(ModelState, "to", "The to date");
        if (from is { } f && to is { } t && t < f) ModelState.AddModelError("to", "The to date must be the same as or after the from date");
        return ModelState.IsValid ? new AuditReportQuery.Filter(child?.Id, child?.LocalId, userId, from, to) : null;
    }

    private static string FileName(AuditReportQuery.Filter filter)
    {
        var subject = filter.ChildLocalId is { } child ? $"child-{SubjectAccessExport.SafeForFileName(child)}" : "user";
        var range = $"{filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "start"}-to-{filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "now"}";
        return $"audit-{subject}-{range}.csv";
    }

    public string CsvLink() => Link(("handler", "csv"));

    public string PageLink(int page) => Link(("p", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));

    private string Link((string Name, string? Value) extra) => QueryHelpers.AddQueryString(Path,
        new Dictionary<string, string?>
        {
            ["child"] = Child?.Trim(), ["user"] = UserEmail?.Trim(),
            ["from.Day"] = From.Day, ["from.Month"] = From.Month, ["from.Year"] = From.Year,
            ["to.Day"] = To.Day, ["to.Month"] = To.Month, ["to.Year"] = To.Year,
            [extra.Name] = extra.Value,
        }.Where(v => !string.IsNullOrEmpty(v.Value)));
}
