using Iro.Domain.Calendar;
using Iro.Domain.Timetable;
using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Allocations;

/// <summary>
/// The reporting year's changes of IRO and the children who kept one IRO throughout their current period of care.
/// Those who see service figures open it; only users who may see every child get the names, analysts the counts.
/// </summary>
[Authorize(Policy = Permissions.ViewServiceFigures)]
public sealed class ChangesModel(AllocationChangesQuery query, CurrentUserAccessor users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public string? YearText { get; set; }

    public ReportingYear Year { get; private set; }
    public AllocationChangesQuery.Result Result { get; private set; } = new([], [], 0);
    public bool ShowNames { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetAsync(ct);
        ShowNames = user.Scope == ChildScope.All;
        var today = clock.ServiceToday();
        if (ReportingYear.TryParse(YearText, out var year))
        {
            Year = year;
        }
        else
        {
            if (!string.IsNullOrEmpty(YearText)) ModelState.AddModelError("year", "Enter a reporting year such as 2025-26");
            Year = ReportingYear.Containing(today);
        }

        YearText = Year.ToString();
        Result = await query.RunAsync(Year, today, ct);
    }
}
