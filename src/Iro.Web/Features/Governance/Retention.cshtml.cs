using System.Globalization;
using Iro.Domain.Calendar;
using Iro.Domain.Children;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iro.Web.Features.Governance;

/// <summary>
/// The children whose records are past retention (<see cref="Retention"/>), for an administrator to review.
/// Nothing is deleted here: the review and any disposal follow the council's records procedure.
/// </summary>
[Authorize(Policy = Permissions.ReviewRetention)]
public sealed class RetentionModel(IroDbContext db, IOptions<RetentionOptions> options, TimeProvider clock) : PageModel
{
    public const string Path = "/admin/retention";

    public sealed record Row(string LocalId, string Name, DateOnly DateOfBirth, DateOnly EndedOn);

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public int Years => options.Value.Years;
    public DateOnly Today { get; private set; }
    public Paged<Row> Shown { get; private set; } = new([], 0, 1, Paging.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = clock.ServiceToday();
        var latest = Retention.LatestBirthPastOn(Today, Years);
        var candidates = await db.Children.AsNoTracking().Where(c => c.DateOfBirth <= latest)
            .Select(c => new { c.LocalId, c.FirstName, c.LastName, c.DateOfBirth }).ToListAsync(ct);
        var rows = candidates.Where(c => Retention.IsPast(c.DateOfBirth, Years, Today))
            .Select(c => new Row(c.LocalId, Child.DisplayNameOf(c.LocalId, c.FirstName, c.LastName), c.DateOfBirth, Retention.EndsOn(c.DateOfBirth, Years)))
            .OrderBy(r => r.EndedOn).ThenBy(r => r.LocalId, StringComparer.Ordinal).ToList();
        Shown = rows.PageOf(PageNumber);
    }

    public string PageLink(int page) => page > 1 ? $"{Path}?p={page.ToString(CultureInfo.InvariantCulture)}" : Path;
}
