using Iro.Domain.Calendar;
using Iro.Domain.Drift;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Drift;

/// <summary>
/// The dates an eligible child's needs assessment was completed and first pathway plan was in place, which the
/// drift list checks 3 months after the 16th birthday. Either may be left empty; neither may be in the future.
/// </summary>
[Authorize(Policy = Permissions.RecordVoice)]
public sealed class LeavingCareModel(ChildContext childContext, IroDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty] public DateInput NeedsAssessmentOn { get; set; } = new();
    [BindProperty] public DateInput PathwayPlanOn { get; set; } = new();

    public Iro.Domain.Children.Child Child => childContext.Child;
    public DateOnly? EligibleOn { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        NeedsAssessmentOn = DateInput.From(Child.NeedsAssessmentOn);
        PathwayPlanOn = DateInput.From(Child.PathwayPlanOn);
        await LoadEligibilityAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var today = clock.ServiceToday();
        var assessed = NeedsAssessmentOn.Read(ModelState, nameof(NeedsAssessmentOn), "Date of the needs assessment");
        var plan = PathwayPlanOn.Read(ModelState, nameof(PathwayPlanOn), "Date of the pathway plan");
        if (assessed > today) ModelState.AddModelError(nameof(NeedsAssessmentOn), "Date of the needs assessment must be today or in the past");
        if (plan > today) ModelState.AddModelError(nameof(PathwayPlanOn), "Date of the pathway plan must be today or in the past");
        if (!ModelState.IsValid)
        {
            await LoadEligibilityAsync(ct);
            return Page();
        }

        var child = await db.Children.SingleAsync(c => c.Id == childContext.ChildKey, ct);
        child.NeedsAssessmentOn = assessed;
        child.PathwayPlanOn = plan;
        await db.SaveChangesAsync(ct);
        return Redirect(ChildLinks.Record(child.LocalId) + "#drift");
    }

    private async Task LoadEligibilityAsync(CancellationToken ct)
    {
        var episodes = await db.CareEpisodes.AsNoTracking().Where(e => e.ChildId == childContext.ChildKey).ToListAsync(ct);
        EligibleOn = DriftRules.EligibleOn(episodes, Child.DateOfBirth, clock.ServiceToday());
    }
}
