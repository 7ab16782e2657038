using System.Globalization;
using Iro.Domain.Calendar;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Feedback;

/// <summary>
/// Survey campaigns with their response rate against the target. Those who manage surveys add campaigns; those
/// who see the service's figures see the list (campaigns name no child).
/// </summary>
[Authorize]
public sealed class CampaignsModel(IroDbContext db, CurrentUserAccessor users, TimeProvider clock) : PageModel
{
    public const int NameLength = 200;

    public IReadOnlyList<(SurveyCampaign Campaign, ResponseRate Rate)> Campaigns { get; private set; } = [];
    public bool CanManage { get; private set; }

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public DateInput OpensOn { get; set; } = new();
    [BindProperty] public DateInput ClosesOn { get; set; } = new();
    [BindProperty] public string? ChildrenAsked { get; set; }
    [BindProperty] public string? TargetResponseRate { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetAsync(ct);
        if (!user.Can(Permissions.ManageSurveys) && !user.Can(Permissions.ViewServiceFigures)) return Forbid();
        CanManage = user.Can(Permissions.ManageSurveys);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetAsync(ct);
        if (!user.Can(Permissions.ManageSurveys)) return Forbid();
        CanManage = true;
        if (Read() is not { } campaign)
        {
            await LoadAsync(ct);
            return Page();
        }

        db.SurveyCampaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return Redirect(FeedbackLinks.Campaigns);
    }

    private SurveyCampaign? Read()
    {
        var name = Name?.Trim() ?? "";
        if (name.Length == 0) ModelState.AddModelError(nameof(Name), "Enter the campaign's name");
        else if (name.Length > NameLength) ModelState.AddModelError(nameof(Name), $"The name must be {NameLength} characters or fewer");
        var opens = OpensOn.Read(ModelState, nameof(OpensOn), "The date the survey opens", "Enter the date the survey opens");
        var closes = ClosesOn.Read(ModelState, nameof(ClosesOn), "The date the survey closes", "Enter the date the survey closes");
        if (opens is { } o && closes is { } c && c < o) ModelState.AddModelError(nameof(ClosesOn), "The date the survey closes must be the same as or after the date it opens");
        if (!int.TryParse(ChildrenAsked?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var asked) || asked < 1)
            ModelState.AddModelError(nameof(ChildrenAsked), "Enter the number of children asked, a whole number of 1 or more");
        if (!decimal.TryParse(TargetResponseRate?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var target) || target is <= 0 or > 100)
            ModelState.AddModelError(nameof(TargetResponseRate), "Enter the target response rate, a percentage above 0 and up to 100");
        if (!ModelState.IsValid) return null;
        return new SurveyCampaign { Name = name, OpensOn = opens!.Value, ClosesOn = closes!.Value, ChildrenAsked = asked, TargetResponseRate = target };
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var campaigns = await db.SurveyCampaigns.AsNoTracking()
            .Select(c => new { Campaign = c, Responses = c.Returns.Count(r => !r.IsDeleted) })
            .ToListAsync(ct);
        Campaigns = campaigns.OrderByDescending(c => c.Campaign.OpensOn).ThenByDescending(c => c.Campaign.Id)
            .Select(c => (c.Campaign, new ResponseRate(c.Responses, c.Campaign.ChildrenAsked, c.Campaign.TargetResponseRate))).ToList();
        if (OpensOn.IsEmpty && ClosesOn.IsEmpty && ModelState.IsValid) OpensOn = DateInput.From(clock.ServiceToday());
    }
}
