using Iro.Domain.Codes;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.Children;

[Authorize(Roles = Roles.ChildLevel)]
public sealed class IndexModel(ChildrenQuery query, CurrentUserAccessor currentUser, IroDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true, Name = "iro")] public int? IroId { get; set; }
    [BindProperty(SupportsGet = true, Name = "age")] public string? AgeBand { get; set; }
    [BindProperty(SupportsGet = true, Name = "legal")] public LegalStatus? LegalStatus { get; set; }
    [BindProperty(SupportsGet = true, Name = "all")] public bool IncludeNotLookedAfter { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public ChildrenQuery.Result Result { get; private set; } = new([], 0, 1, 1);
    public IReadOnlyList<(int Id, string Name)> Officers { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        Officers = (await db.ReviewingOfficers.AsNoTracking().VisibleTo(user).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        Result = await query.RunAsync(user, new ChildrenQuery.Filter(Search, IroId, AgeBand, LegalStatus, IncludeNotLookedAfter, PageNumber), Today, ct);
    }

    public string PageLink(int page)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Search, ["iro"] = IroId?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["age"] = AgeBand,
            ["legal"] = LegalStatus?.ToString(), ["all"] = IncludeNotLookedAfter ? "true" : null,
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/children", values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }
}
