using System.Globalization;
using Iro.Domain.Allocations;
using Iro.Domain.Officers;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Caseloads;

/// <summary>
/// A manager records a change of an IRO's FTE from a date (<see cref="FteHistory"/>): the caseloads on and
/// after that date use it. A second change on the same date replaces the first.
/// </summary>
[Authorize(Policy = Permissions.ManageStaffing)]
public sealed class FteModel(IroDbContext db, CurrentUserAccessor currentUser) : PageModel
{
    public ReviewingOfficer Officer { get; private set; } = null!;
    public IReadOnlyList<OfficerFteChange> Changes { get; private set; } = [];

    [BindProperty] public DateInput EffectiveFrom { get; set; } = new();
    [BindProperty] public string? Fte { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var from = EffectiveFrom.Read(ModelState, nameof(EffectiveFrom), "Date the FTE changes", "Enter the date the FTE changes");
        if (from is { } date && date < Officer.StartDate)
            ModelState.AddModelError(nameof(EffectiveFrom), $"Date the FTE changes must be the same as or after the IRO's start date, {Officer.StartDate:d MMMM yyyy}");
        else if (from is { } day && Officer.EndDate is { } left && day >= left)
            ModelState.AddModelError(nameof(EffectiveFrom), $"Date the FTE changes must be before the IRO left, {left:d MMMM yyyy}");
        if (!decimal.TryParse(Fte?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fte) || fte < 0.01m || fte > 1m || decimal.Round(fte, 2) != fte)
            ModelState.AddModelError(nameof(Fte), "FTE must be a number from 0.01 to 1.0, such as 0.8");
        if (!ModelState.IsValid) return Page();

        var existing = await db.OfficerFteChanges.SingleOrDefaultAsync(c => c.ReviewingOfficerId == id && c.EffectiveFrom == from, ct);
        if (existing is null) db.OfficerFteChanges.Add(new OfficerFteChange { ReviewingOfficerId = id, EffectiveFrom = from!.Value, Fte = fte });
        else existing.Fte = fte;
        await db.SaveChangesAsync(ct);
        return Redirect($"/iros/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        var officer = await db.ReviewingOfficers.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (officer is null) return false;
        Officer = officer;
        Changes = await db.OfficerFteChanges.AsNoTracking().Where(c => c.ReviewingOfficerId == id).OrderBy(c => c.EffectiveFrom).ToListAsync(ct);
        return true;
    }
}
