using System.Globalization;
using System.Text;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Reviews;

[Authorize(Roles = Roles.ChildLevel)]
public sealed class DueModel(ReviewsDueQuery query, CurrentUserAccessor currentUser, IroDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "iro")] public int? IroId { get; set; }
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }

    public IReadOnlyList<ReviewsDueQuery.Row> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Officers { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public static readonly IReadOnlyList<(DueListStatus Status, string Slug, string Label, string TagClass)> Statuses =
    [
        (DueListStatus.Overdue, "overdue", "Overdue", "govuk-tag--red"),
        (DueListStatus.DueSoon, "due-soon", "Due soon", "govuk-tag--orange"),
        (DueListStatus.Scheduled, "scheduled", "Scheduled", "govuk-tag--blue"),
        (DueListStatus.Unknown, "unknown", "Due date unknown", "govuk-tag--grey"),
    ];

    public static (DueListStatus Status, string Slug, string Label, string TagClass) Describe(DueListStatus status) =>
        Statuses.First(s => s.Status == status);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        Officers = (await db.ReviewingOfficers.AsNoTracking().VisibleTo(user).Where(o => o.EndDate == null).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        Rows = await RunAsync(ct);
    }

    /// <summary>The same rows as the page, as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var rows = await RunAsync(ct);
        var csv = new StringBuilder("child_id,name,iro,due_date,status,regime,reliable,last_review\n");
        foreach (var r in rows)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{Csv.Field(r.LocalId)},{Csv.Field(r.DisplayName)},{Csv.Field(r.IroName)},{Csv.Date(r.DueDate)},{Describe(r.Status).Slug},{r.Regime},{Csv.Bool(r.Reliable)},{Csv.Date(r.LastReview)}\n");
        }

        return File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv", $"reviews-due-{Today:yyyy-MM-dd}.csv");
    }

    private async Task<IReadOnlyList<ReviewsDueQuery.Row>> RunAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var status = Statuses.Where(s => s.Slug == Status).Select(s => (DueListStatus?)s.Status).FirstOrDefault();
        return await query.RunAsync(user, Today, IroId, status, ct);
    }

    public string CsvLink() => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/reviews/due",
        new Dictionary<string, string?>
        {
            ["handler"] = "csv", ["iro"] = IroId?.ToString(CultureInfo.InvariantCulture), ["status"] = Status,
        }.Where(v => !string.IsNullOrEmpty(v.Value)));
}
