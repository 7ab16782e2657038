using Iro.Domain.Calendar;
using Iro.Domain.Allocations;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Allocations;

/// <summary>
/// The referral queue, "Awaiting allocation". Business support and managers allocate from it; a manager sends a
/// period to a commissioned agency and may withdraw it; an agency coordinator sees only their agency's referrals.
/// </summary>
[Authorize(Policy = Permissions.Allocate)]
public sealed class IndexModel(VersionedResults results, CurrentUserAccessor users, IroDbContext db, TimeProvider clock) : PageModel
{
    public const string StaleReferralMessage = "Someone else changed this referral. Nothing has been saved. Check the queue and try again";

    public IReadOnlyList<AllocationQueueQuery.Row> Rows { get; private set; } = [];
    public IReadOnlyList<string> Agencies { get; private set; } = [];
    public bool CanRefer { get; private set; }

    [BindProperty] public string? ChildId { get; set; }
    [BindProperty] public int ReferralId { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Sends the child's waiting period to a commissioned agency.</summary>
    public async Task<IActionResult> OnPostReferAsync(CancellationToken ct)
    {
        var user = await users.GetAsync(ct);
        if (!user.Can(Permissions.ReferToAgency)) return Forbid();
        await LoadAsync(ct);
        var row = Rows.FirstOrDefault(r => r.ChildId == ChildId);
        if (row is null) return NotFound();
        var agency = Request.Form[$"Agency-{row.ChildId}"].ToString();
        if (row.Referral is not null) ModelState.AddModelError("", StaleReferralMessage);
        if (!Agencies.Contains(agency, StringComparer.Ordinal)) ModelState.AddModelError($"Agency-{row.ChildId}", "Select a commissioned agency");
        if (!ModelState.IsValid) return Page();

        var childKey = await db.Children.Where(c => c.LocalId == row.ChildId).Select(c => c.Id).SingleAsync(ct);
        db.AgencyReferrals.Add(new AgencyReferral { ChildId = childKey, PeriodStart = row.PeriodStart, Agency = agency, SentOn = clock.ServiceToday() });
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    /// <summary>Withdraws a referral: the period returns to the council's own queue.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        var user = await users.GetAsync(ct);
        if (!user.Can(Permissions.ReferToAgency)) return Forbid();
        var referral = await db.AgencyReferrals.SingleOrDefaultAsync(r => r.Id == ReferralId && r.ClosedOn == null, ct);
        if (referral is null) return NotFound();
        (referral.ClosedOn, referral.Withdrawn) = (clock.ServiceToday(), true);
        db.Entry(referral).Property(r => r.Version).OriginalValue = Version;
        try
        {
            await db.SaveChangesAsync(ct);
            return RedirectToPage();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", StaleReferralMessage);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var user = await users.GetAsync(ct);
        CanRefer = user.Can(Permissions.ReferToAgency);
        var today = clock.ServiceToday();
        Rows = await results.GetAsync(db, "allocation-queue", user, "", today,
            services => services.GetRequiredService<AllocationQueueQuery>().RunAsync(user, today, CancellationToken.None), ct);
        if (CanRefer)
            Agencies = await db.ReviewingOfficers.AsNoTracking().Where(o => o.Agency != null && o.Employment == Domain.Officers.Employment.Commissioned)
                .Select(o => o.Agency!).Distinct().OrderBy(a => a).ToListAsync(ct);
    }
}
