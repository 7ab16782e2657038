using System.Globalization;
using Iro.Domain.Calendar;
using Iro.Domain.Codes;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Children;

[Authorize(Policy = Permissions.ViewChildren)]
public sealed class IndexModel(VersionedResults results, CurrentUserAccessor currentUser, IroDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "iro")] public int? IroId { get; set; }
    [BindProperty(SupportsGet = true, Name = "age")] public string? AgeBand { get; set; }
    [BindProperty(SupportsGet = true, Name = "legal")] public LegalStatus? LegalStatus { get; set; }
    [BindProperty(SupportsGet = true, Name = "all")] public bool IncludePast { get; set; }

    /// <summary>
    /// Read from the query string alone: "page" is also the route value naming the Razor Page, and binding it
    /// as a property gave page 1 and a model error on every later page.
    /// </summary>
    public int PageNumber { get; private set; } = 1;

    public Paged<ChildrenQuery.Row> Result { get; private set; } = new([], 0, 1, Paging.PageSize);
    public IReadOnlyList<(int Id, string Name)> Officers { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>IROs and agencies see their current caseload unless they ask for past children too.</summary>
    public bool ServiceWide { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        ServiceWide = user.Scope == ChildScope.All;
        PageNumber = Paging.RequestedPage(Request.Query["page"]);
        Today = clock.ServiceToday();
        Officers = (await db.ReviewingOfficers.AsNoTracking().VisibleTo(user).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        var (filter, today) = (new ChildrenQuery.Filter(Search, IroId, AgeBand, LegalStatus, IncludePast, PageNumber), Today);
        Result = await results.GetAsync(db, "children", user, filter, today,
            services => services.GetRequiredService<ChildrenQuery>().RunAsync(user, filter, today, CancellationToken.None), ct);
    }

    /// <summary>The list with the same search and filters, on another page.</summary>
    public string PageLink(int page) => Paging.Link("/children", new Dictionary<string, string?>
    {
        ["q"] = Search, ["iro"] = IroId?.ToString(CultureInfo.InvariantCulture), ["age"] = AgeBand,
        ["legal"] = LegalStatus?.ToString(), ["all"] = IncludePast ? "true" : null,
    }, "page", page);
}
