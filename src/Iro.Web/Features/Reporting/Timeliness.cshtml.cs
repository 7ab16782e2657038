using System.Globalization;
using Iro.Domain.Calendar;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Timetable;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Reporting;

/// <summary>
/// Reviews held on time by month against the target. Every signed-in role sees the aggregates; the late
/// reviews are listed within the user's scope, and managers record why each was late.
/// </summary>
public sealed class TimelinessModel(
    TimelinessQuery query, VersionedResults results, IroDbContext db, LateReasonForm lateReasons, CurrentUserAccessor currentUser,
    IOptions<TimetableSettings> settings, TimeProvider clock, AuditedDownload download)
    : PageModel
{
    public const int LatePageSize = 50;

    [BindProperty(SupportsGet = true, Name = "year")] public string? YearText { get; set; }

    /// <summary>Which page of late reviews to show; a large service has hundreds a year.</summary>
    [BindProperty(SupportsGet = true, Name = "late-page")] public int LatePage { get; set; } = 1;

    public int LatePages => Result.Late?.Pages ?? 1;

    public IEnumerable<TimelinessQuery.LateReview> LateOnPage => Result.Late?.Rows ?? [];

    public ReportingYear Year { get; private set; }

    /// <summary>The figures and the page of late reviews shown.</summary>
    public TimelinessQuery.Shown Result { get; private set; } = null!;
    public decimal TargetPercent => settings.Value.TargetPercent;
    public bool CanRecordReasons { get; private set; }

    /// <summary>The review whose form failed validation, to show its posted values.</summary>
    public int? FailedReviewId { get; private set; }

    [TempData] public string? Saved { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostReasonAsync(int reviewId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        if (!user.Can(Permissions.ApproveChanges)) return Forbid();
        var reason = Request.Form[LateReasonForm.ReasonField(reviewId)].ToString();
        var note = Request.Form[LateReasonForm.NoteField(reviewId)].ToString();
        var errors = await lateReasons.SaveAsync(user, reviewId, reason, note, ct);
        if (errors.Count == 0)
        {
            Saved = "The reason for lateness has been saved.";
            return Redirect(TimelinessLink(YearText, LatePage));
        }

        foreach (var e in errors) ModelState.AddModelError(e.Field, e.Message);
        FailedReviewId = reviewId;
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The months, the year's total and the late reviews in the user's scope, as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        if (!TryReadYear()) return BadRequest();
        var result = await query.RunAsync(user, Year, ct);
        return await download.ChildrenCsvAsync(result.ToTable(), $"timeliness-{Year}.csv", CsvLineEnding.Lf, ct);
    }

    public static string CsvLink(string? year) =>
        QueryHelpers.AddQueryString("/reviews/timeliness", new Dictionary<string, string?> { ["year"] = year ?? "", ["handler"] = "csv" });

    public static string TimelinessLink(string? year, int latePage = 1) =>
        QueryHelpers.AddQueryString(
            "/reviews/timeliness",
            new Dictionary<string, string?> { ["year"] = year ?? "", ["late-page"] = latePage > 1 ? latePage.ToString(CultureInfo.InvariantCulture) : null }
                .Where(p => p.Value is not null));

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        CanRecordReasons = user.Can(Permissions.ApproveChanges);
        TryReadYear();
        var (year, page) = (Year, LatePage);
        Result = await results.GetAsync(db, "timeliness", user, (year, page), clock.ServiceToday(),
            services => services.GetRequiredService<TimelinessQuery>().PageAsync(user, year, page, LatePageSize, CancellationToken.None), ct);
    }

    /// <summary>Sets <see cref="Year"/> from the query string, or to this year with an error when it is not a year.</summary>
    private bool TryReadYear()
    {
        var valid = ReportingYear.TryParse(YearText, out var year);
        if (valid)
        {
            Year = year;
        }
        else
        {
            if (!string.IsNullOrEmpty(YearText)) ModelState.AddModelError("year", "Enter a reporting year such as 2025-26");
            Year = ReportingYear.Containing(clock.ServiceToday());
        }

        YearText = Year.ToString();
        return ModelState.IsValid;
    }
}
