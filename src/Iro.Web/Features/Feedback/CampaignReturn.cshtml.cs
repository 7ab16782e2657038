using Iro.Domain.Calendar;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Feedback;

/// <summary>Enters a campaign's anonymous returns one after another (<c>?id=</c> the campaign).</summary>
[Authorize(Policy = Permissions.ManageSurveys)]
public sealed class CampaignReturnModel(IroDbContext db, TimeProvider clock) : FeedbackFormModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public SurveyCampaign Campaign { get; private set; } = null!;
    public int Entered { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        ReceivedOn = DateInput.From(Campaign.ClosesOn < clock.ServiceToday() ? Campaign.ClosesOn : clock.ServiceToday());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Read(clock.ServiceToday()) is not { } feedback) return Page();
        feedback.SurveyCampaignId = Campaign.Id;
        db.FeedbackReturns.Add(feedback);
        await db.SaveChangesAsync(ct);
        // Straight back to an empty form for the next return.
        return Redirect(FeedbackLinks.CampaignReturn(Campaign.Id));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.SurveyCampaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == Id, ct) is not { } campaign) return false;
        Campaign = campaign;
        Entered = await db.FeedbackReturns.CountAsync(f => f.SurveyCampaignId == Id, ct);
        return true;
    }
}
