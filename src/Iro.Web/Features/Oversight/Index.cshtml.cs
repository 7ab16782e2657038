using System.Globalization;
using Iro.Domain.Calendar;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Reporting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Iro.Web.Features.Oversight;

/// <summary>
/// Between reviews: the IRO's own children, or the whole service for managers. Approvals come first; each
/// list is paged on its own. "view=older" shows the overdue items from before the look-back, for data quality.
/// </summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class IndexModel(VersionedResults results, IroDbContext db, CurrentUserAccessor currentUser, TimeProvider clock, AuditedDownload download) : PageModel
{
    /// <summary>One overdue list: its key (query string and CSV), heading, date column and where a row links to.</summary>
    public sealed record OverdueList(string Key, string Title, string DateHeading, Paged<OversightQuery.OverdueItem> Items, Func<OversightQuery.OverdueItem, string> Link);

    [BindProperty(SupportsGet = true, Name = "view")] public string? View { get; set; }

    public bool Older => View == "older";
    public bool ServiceWide { get; private set; }
    public DateOnly ActionableFrom { get; private set; }
    public Paged<OversightQuery.PendingChange> Pending { get; private set; } = null!;
    public IReadOnlyList<OverdueList> Lists { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var result = await RunAsync(ct);
        ActionableFrom = result.ActionableFrom;
        Pending = result.Pending.PageOf(RequestedPage("approvals"));
        Lists =
        [
            new("decisions", "Overdue decisions", "Due by", result.Decisions.PageOf(RequestedPage("decisions")), i => ChildLinks.Review(i.ChildId, i.ReviewId!.Value, "decisions")),
            new("midway", "Midway reviews overdue", "Midway review due", result.MidwayOverdue.PageOf(RequestedPage("midway")), i => ChildLinks.Oversight(i.ChildId)),
            new("records", "Records of review overdue", "Record due", result.RecordsOverdue.PageOf(RequestedPage("records")), i => ChildLinks.Review(i.ChildId, i.ReviewId!.Value, "letter")),
        ];
    }

    /// <summary>One list, every row, as CSV: approvals, decisions, midway or records.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? list, CancellationToken ct)
    {
        var result = await RunAsync(ct);
        ReportTable? table = list switch
        {
            "approvals" => ReportTable.Of<OversightQuery.PendingChange>(
                result.Pending,
                new("child_id", p => p.ChildId), new("name", p => p.ChildName), new("iro", p => p.Iro),
                new("request", p => p.Kind == ReviewChangeKind.Cancel ? "cancel" : "postpone"),
                new("requested_by", p => p.RequestedBy), new("requested_on", p => p.RequestedOn)),
            "decisions" => ReportTable.Of<OversightQuery.OverdueItem>(
                result.Decisions,
                new("child_id", d => d.ChildId), new("name", d => d.ChildName), new("iro", d => d.Iro),
                new("decision", d => d.Detail), new("who", d => d.Who), new("due_by", d => d.DueOn)),
            "midway" => ReportTable.Of<OversightQuery.OverdueItem>(
                result.MidwayOverdue,
                new("child_id", m => m.ChildId), new("name", m => m.ChildName), new("iro", m => m.Iro), new("midway_due", m => m.DueOn)),
            "records" => ReportTable.Of<OversightQuery.OverdueItem>(
                result.RecordsOverdue,
                new("child_id", r => r.ChildId), new("name", r => r.ChildName), new("iro", r => r.Iro), new("record_due", r => r.DueOn)),
            _ => null,
        };
        if (table is null) return NotFound();
        var name = $"oversight-{list}{(Older ? "-older" : "")}-{clock.ServiceToday():yyyy-MM-dd}.csv";
        return await download.ChildrenCsvAsync(table, name, CsvLineEnding.CrLf, ct);
    }

    /// <summary>This page with one list moved to another page, the other lists where they were.</summary>
    public string PageLink(string list, int page) => Paging.Link("/oversight",
        Request.Query.Where(q => q.Key != "handler").Select(q => new KeyValuePair<string, string?>(q.Key, q.Value.ToString())), list, page);

    /// <summary>The pagination partial's model for one list.</summary>
    public Pager Pager<T>(string list, string title, Paged<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Pager($"Pages of {title}", n => PageLink(list, n));
    }

    public string CsvLink(string list) => QueryHelpers.AddQueryString("/oversight",
        new Dictionary<string, string?> { ["handler"] = "csv", ["list"] = list, ["view"] = View }.Where(v => !string.IsNullOrEmpty(v.Value)));

    private async Task<OversightQuery.Result> RunAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        ServiceWide = user.Scope == ChildScope.All;
        var today = clock.ServiceToday();
        var age = Older ? OverdueAge.Older : OverdueAge.Actionable;
        return await results.GetAsync(db, "oversight", user, age.ToString(), today,
            services => services.GetRequiredService<OversightQuery>().RunAsync(user, today, age, CancellationToken.None), ct);
    }

    private int RequestedPage(string list) => Paging.RequestedPage(Request.Query[list]);
}
