using Iro.Domain.Calendar;
using Iro.Domain.Drift;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Drift;

/// <summary>
/// The drift list: children in the user's current caseload with problems that need attention now, most problems
/// and oldest first; filtered by IRO (service-wide users) and by rule, paged.
/// </summary>
[Authorize(Policy = Permissions.ViewOversight)]
public sealed class IndexModel(VersionedResults results, IroDbContext db, CurrentUserAccessor currentUser, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "iro")] public int? IroId { get; set; }
    [BindProperty(SupportsGet = true, Name = "rule")] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public DateOnly Today { get; private set; }
    public bool ServiceWide { get; private set; }
    public Paged<DriftChild> Children { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Iros { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        Today = clock.ServiceToday();
        ServiceWide = user.Scope == ChildScope.All;
        if (!DriftRuleKeys.IsKnown(Rule)) Rule = null;
        if (!ServiceWide) IroId = null;
        if (ServiceWide)
            Iros = await db.ReviewingOfficers.AsNoTracking().VisibleTo(user).OrderBy(o => o.Name)
                .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(ct);
        var (today, iro, rule) = (Today, IroId, Rule);
        var list = await results.GetAsync(db, "drift", user, $"{iro}|{rule}", today,
            services => services.GetRequiredService<DriftQuery>().RunAsync(user, today, iro, rule, CancellationToken.None), ct);
        Children = list.PageOf(PageNumber);
    }

    public string PageLink(int page) => Paging.Link("/drift",
        [new("iro", IroId?.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("rule", Rule)], "page", page);
}
