using System.Globalization;
using Iro.Domain.Calendar;
using Iro.Domain.Escalations;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Escalations;

/// <summary>
/// Open escalations in the user's scope: an IRO's own children, an agency's, or the whole service for managers
/// and business support, overdue first, paged.
/// </summary>
[Authorize(Policy = Permissions.ViewChildren)]
public sealed class ListModel(OpenEscalationsQuery query, CurrentUserAccessor currentUser, IroDbContext db, TimeProvider clock, IOptions<EscalationOptions> options) : PageModel
{
    public const string Path = "/escalations";

    [BindProperty(SupportsGet = true, Name = "iro")] public int? IroId { get; set; }
    [BindProperty(SupportsGet = true, Name = "level")] public string? Level { get; set; }
    [BindProperty(SupportsGet = true, Name = "theme")] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true, Name = "team")] public string? Team { get; set; }
    // Not "page": Razor Pages reserves that name for the page's own route value.
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public EscalationOptions Options => options.Value;

    /// <summary>Whether to offer the year's escalation figures (managers, business support, administrators).</summary>
    public bool CanSeeFigures { get; private set; }
    public IReadOnlyList<OpenEscalationsQuery.Row> Rows { get; private set; } = [];
    public Paged<OpenEscalationsQuery.Row> Shown => Rows.PageOf(PageNumber);
    public IReadOnlyList<(int Id, string Name)> Officers { get; private set; } = [];
    public IReadOnlyList<string> Teams { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        CanSeeFigures = user.Can(Access.Permissions.ViewServiceFigures);
        Today = clock.ServiceToday();
        Officers = (await db.ReviewingOfficers.AsNoTracking().VisibleTo(user).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        Teams = await query.TeamsAsync(user, ct);
        Rows = await query.RunAsync(user, Today, new OpenEscalationsQuery.Filters(IroId, Level, Theme, Team), ct);
    }

    public string PageLink(int page) => Paging.Link(Path, new Dictionary<string, string?>
    {
        ["iro"] = IroId?.ToString(CultureInfo.InvariantCulture), ["level"] = Level, ["theme"] = Theme, ["team"] = Team,
    }, "p", page);
}
