using System.Globalization;
using Iro.Domain.Reviews;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Reviews;

[Authorize(Policy = Permissions.ViewChildren)]
public sealed class DueModel(ReviewsDueQuery query, CurrentUserAccessor currentUser, IroDbContext db, TimeProvider clock) : PageModel
{
    public const int PageSize = 25;

    /// <summary>The download's columns: the first eight are an interface and keep their names and order.</summary>
    public static readonly IReadOnlyList<string> CsvHeader =
    [
        "child_id", "name", "iro", "due_date", "status", "regime", "reliable", "last_review",
        "booking", "booked_date", "booked_time", "format", "venue", "booked_after_due",
    ];

    [BindProperty(SupportsGet = true, Name = "iro")] public int? IroId { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "booking")] public string? Booking { get; set; }
    // Not "page": Razor Pages reserves that name for the page's own route value.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>Every row matching the filters; <see cref="RowsOnPage"/> is the page shown.</summary>
    public IReadOnlyList<ReviewsDueQuery.Row> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Officers { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public int Pages => Math.Max(1, (Rows.Count + PageSize - 1) / PageSize);
    public int CurrentPage => Math.Clamp(PageNumber, 1, Pages);
    public IEnumerable<ReviewsDueQuery.Row> RowsOnPage => Rows.Skip((CurrentPage - 1) * PageSize).Take(PageSize);

    public static readonly IReadOnlyList<(DueListStatus Status, string Slug, string Label, string TagClass)> Statuses =
    [
        (DueListStatus.Overdue, "overdue", "Overdue", "govuk-tag--red"),
        (DueListStatus.DueSoon, "due-soon", "Due soon", "govuk-tag--orange"),
        (DueListStatus.Scheduled, "scheduled", "Not due yet", "govuk-tag--blue"),
        (DueListStatus.Unknown, "unknown", "Due date unknown", "govuk-tag--grey"),
    ];

    public static readonly IReadOnlyList<(string Slug, string Label)> Bookings = [("booked", "Booked"), ("not-booked", "Not booked")];

    public static (DueListStatus Status, string Slug, string Label, string TagClass) Describe(DueListStatus status) =>
        Statuses.First(s => s.Status == status);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        Officers = (await db.ReviewingOfficers.AsNoTracking().VisibleTo(user).Where(o => o.EndDate == null).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        Rows = await RunAsync(ct);
    }

    /// <summary>The same rows as the page (every page), as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = await RunAsync(ct);
        var csv = CsvFile.Write(CsvHeader, rows.Select(r => (IReadOnlyList<string?>)
        [
            r.LocalId, r.DisplayName, r.IroName, Csv.Date(r.DueDate), Describe(r.Status).Slug, r.Regime.ToString(),
            Csv.Bool(r.Reliable), Csv.Date(r.LastReview),
            r.Booking is null ? "not-booked" : "booked", Csv.Date(r.Booking?.On),
            r.Booking?.At?.ToString("HH:mm", CultureInfo.InvariantCulture), r.Booking?.Format?.ToString(), r.Booking?.Venue,
            Csv.Bool(r.Booking is null ? null : r.BookedAfterDue),
        ]));
        return File(csv, CsvFile.ContentType, $"reviews-due-{Today:yyyy-MM-dd}.csv");
    }

    private async Task<IReadOnlyList<ReviewsDueQuery.Row>> RunAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var status = Statuses.Where(s => s.Slug == Status).Select(s => (DueListStatus?)s.Status).FirstOrDefault();
        var rows = await query.RunAsync(user, Today, IroId, status, ct);
        return Booking switch
        {
            "booked" => [.. rows.Where(r => r.Booking is not null)],
            "not-booked" => [.. rows.Where(r => r.Booking is null)],
            _ => rows,
        };
    }

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
