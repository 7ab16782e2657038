using Iro.Domain.Allocations;
using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Domain.Officers;
using Iro.Domain.Rules;
using Iro.Web.Access;
using Iro.Web.Data;
using Iro.Web.Features.Caseloads;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Officers;

public sealed class DetailsModel(IroDbContext db, CaseloadSource caseloads, CaseloadBand band, CurrentUserAccessor currentUser, TimeProvider clock) : PageModel
{
    /// <param name="InCaseload">Allocated today and looked after today: counted in the caseload.</param>
    public sealed record ChildRow(string LocalId, string DisplayName, DateOnly DateOfBirth, DateOnly From, DateOnly? To, bool InCaseload);

    public ReviewingOfficer Officer { get; private set; } = null!;
    public IReadOnlyList<ChildRow> Children { get; private set; } = [];
    public bool ShowChildren { get; private set; }
    public int CurrentCaseload { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>The FTE in effect today (the starting FTE for an IRO not in post).</summary>
    public decimal FteToday { get; private set; }

    public decimal? PerFteToday { get; private set; }
    public CaseloadTrend Trend { get; private set; } = null!;
    public bool CanChangeFte { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        var officer = await db.ReviewingOfficers.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (officer is null) return NotFound();
        Officer = officer;
        Today = clock.ServiceToday();
        var today = Today;

        // Children are listed only for roles that see child-level data, and only those in the user's scope.
        var allocations = db.IroAllocations.AsNoTracking().Where(a => a.ReviewingOfficerId == id);
        var monthEnds = CaseloadCalculator.MonthEnds(today);
        var snapshots = await caseloads.OnAsync([.. monthEnds, today], ct);
        Caseload Of(CaseloadSnapshot s) => s.Officers.SingleOrDefault(o => o.OfficerId == id)?.Caseload ?? new Caseload(0, 0, 0);
        var now = Of(snapshots[^1]);
        (CurrentCaseload, FteToday, PerFteToday) = (now.Children, now.Headcount == 0 ? officer.Fte : now.Fte, now.PerFte);
        Trend = new CaseloadTrend($"Children per FTE of {officer.Name} at each month end", [.. snapshots.Take(monthEnds.Count).Select(s => new TrendPoint(s.On, Of(s)))], band);
        CanChangeFte = user.Can(Permissions.ManageStaffing);
        ShowChildren = user.Scope != ChildScope.None;
        if (ShowChildren)
        {
            var visible = db.Children.VisibleTo(user).Select(c => c.Id);
            var episodeOpen = CareRules.EpisodeOpenOn(today);
            var rows = await allocations.Where(a => visible.Contains(a.ChildId))
                .OrderBy(a => a.To != null).ThenBy(a => a.Child!.LastName).ThenBy(a => a.Child!.FirstName)
                .Select(a => new
                {
                    Allocation = a, a.Child!.LocalId, a.Child.FirstName, a.Child.LastName, a.Child.DateOfBirth,
                    LookedAfter = a.Child.Episodes.AsQueryable().Any(episodeOpen),
                })
                .ToListAsync(ct);
            Children = rows.Select(r => new ChildRow(r.LocalId, Child.DisplayNameOf(r.LocalId, r.FirstName, r.LastName),
                r.DateOfBirth, r.Allocation.From, r.Allocation.To, r.LookedAfter && r.Allocation.IsCurrentOn(today))).ToList();
        }

        return Page();
    }
}
