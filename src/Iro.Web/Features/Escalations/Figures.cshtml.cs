using Iro.Domain.Calendar;
using Iro.Domain.Escalations;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Escalations;

/// <summary>
/// The escalation figures of a reporting year for managers, business support, administrators and analysts:
/// counts only, no child is named.
/// </summary>
[Authorize(Policy = Permissions.ViewServiceFigures)]
public sealed class FiguresModel(EscalationSummaryQuery query, IOptions<EscalationOptions> options, TimeProvider clock) : PageModel
{
    public const string Path = "/escalations/figures";

    [BindProperty(SupportsGet = true, Name = "year")] public string? YearText { get; set; }

    public ReportingYear Year { get; private set; }

    public EscalationFigures Figures { get; private set; } = null!;

    public int TotalWorkingDays => options.Value.TotalWorkingDays;

    public static string Link(ReportingYear year) =>
        QueryHelpers.AddQueryString(Path, "year", year.ToString());

    public static string JsonLink(ReportingYear year) =>
        QueryHelpers.AddQueryString(EscalationSummaryApi.Path, "year", year.ToString());

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (ReportingYear.TryParse(YearText, out var year))
        {
            Year = year;
        }
        else
        {
            if (!string.IsNullOrEmpty(YearText)) ModelState.AddModelError("year", "Enter a reporting year such as 2025-26");
            Year = ReportingYear.Containing(clock.ServiceToday());
        }

        YearText = Year.ToString();
        Figures = await query.RunAsync(Year, ct);
    }
}
