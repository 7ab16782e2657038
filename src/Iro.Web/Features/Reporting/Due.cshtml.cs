using System.Globalization;
using Iro.Domain.Calendar;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Reporting;

/// <summary>The reviews due report as a page (paged) and as CSV (every row).</summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class DueModel(ReviewsDueQuery query, VersionedResults results, CurrentUserAccessor currentUser, IroDbContext db, TimeProvider clock, AuditedDownload download) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "iro")] public int? IroId { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "booking")] public string? Booking { get; set; }
    // Not "page": Razor Pages reserves that name for the page's own route value.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>The page of rows shown, with the number of rows matching the filters.</summary>
    public Paged<ReviewsDueQuery.Row> Shown { get; private set; } = new([], 0, 1, Paging.PageSize);
    public IReadOnlyList<(int Id, string Name)> Officers { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public static readonly IReadOnlyList<(string Slug, string Label)> Bookings = [("booked", "Booked"), ("not-booked", "Not booked")];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        Officers = (await db.ReviewingOfficers.AsNoTracking().VisibleTo(user).Where(o => o.EndDate == null).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        Today = clock.ServiceToday();
        var (today, filter, page) = (Today, Filter(), PageNumber);
        Shown = await results.GetAsync(db, "reviews-due", user, (filter, page), today,
            services => services.GetRequiredService<ReviewsDueQuery>().PageAsync(user, today, filter, page, CancellationToken.None), ct);
    }

    /// <summary>The same rows as the page (every page), as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        Today = clock.ServiceToday();
        var report = await query.RunAsync(user, Today, Filter(), ct);
        return await download.ChildrenCsvAsync(report.ToTable(), $"reviews-due-{Today:yyyy-MM-dd}.csv", CsvLineEnding.Lf, ct);
    }

    private ReviewsDueQuery.Filter Filter() =>
        new(IroId, DueListStatusText.FromSlug(Status), Booking switch { "booked" => true, "not-booked" => false, _ => null });

    public string CsvLink() => Link(("handler", "csv"));

    public string PageLink(int page) => Link(("p", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));

    private string Link((string Name, string? Value) extra) => QueryHelpers.AddQueryString("/reviews/due",
        new Dictionary<string, string?>
        {
            ["iro"] = IroId?.ToString(CultureInfo.InvariantCulture), ["status"] = Status, ["booking"] = Booking,
            [extra.Name] = extra.Value,
        }.Where(v => !string.IsNullOrEmpty(v.Value)));

    public static string FormatLabel(MeetingFormat? format) => format?.ToLabel() ?? "";
}
