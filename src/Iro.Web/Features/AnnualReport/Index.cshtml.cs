using System.Text.Json.Nodes;
using Iro.Domain.AnnualReport;
using Iro.Domain.Calendar;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace Iro.Web.Features.AnnualReport;

/// <summary>
/// The annual report for a reporting year: published (frozen figures) or a draft (figures as the data gives them
/// now). Service-wide figures only, so analysts may read it too; managers publish it.
/// </summary>
[Authorize(Policy = Permissions.ViewServiceFigures)]
public sealed class IndexModel(AnnualReportBook book, CurrentUserAccessor users, TimeProvider clock, CaseStudyNameCheck names) : PageModel
{
    public const string Path = "/reports/annual";

    [BindProperty(SupportsGet = true, Name = "year")] public string? YearText { get; set; }

    public ReportingYear Year { get; private set; }
    public AnnualReportEdition? Edition { get; private set; }
    public IReadOnlyList<ReportSection> Sections { get; private set; } = [];
    public IReadOnlyList<ReconciliationFailure> Failures { get; private set; } = [];
    public bool CanPublish { get; private set; }

    /// <summary>Children's names found in the draft's case studies: shown only to those who publish.</summary>
    public IReadOnlyList<string> NameWarnings { get; private set; } = [];

    public static string Link(ReportingYear year) => QueryHelpers.AddQueryString(Path, "year", year.ToString());

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        var user = await users.GetAsync(ct);
        if (!Permissions.Grants(user.Roles, Permissions.PublishReports)) return Forbid();
        if (!ReportingYear.TryParse(YearText, out var year)) return BadRequest();
        var result = await book.PublishAsync(year, user, ct);
        if (result.Published) return Redirect(Link(year));
        Failures = result.Failures;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (ReportingYear.TryParse(YearText, out var year))
        {
            Year = year;
        }
        else
        {
            if (!string.IsNullOrEmpty(YearText)) ModelState.AddModelError("year", "Enter a reporting year such as 2025-26");
            Year = LastCompleteYear(clock.ServiceToday());
        }

        YearText = Year.ToString();
        Edition = await book.FindAsync(Year, ct);
        JsonObject figures = await book.FiguresAsync(Year, ct);
        Sections = ReportLayout.Sections(figures, Edition);
        var user = await users.FindAsync(ct);
        CanPublish = user is not null && Permissions.Grants(user.Roles, Permissions.PublishReports) && Edition?.IsPublished != true;
        if (CanPublish) NameWarnings = await names.WarningsAsync(Edition?.CaseStudies, user!, ct);
    }

    /// <summary>The last reporting year that has ended by the date.</summary>
    public static ReportingYear LastCompleteYear(DateOnly today) => new(ReportingYear.Containing(today).StartYear - 1);
}
