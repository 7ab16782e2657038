using Iro.Domain.Calendar;
using Iro.Domain.Voice;
using Iro.Web.Access;
using Iro.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Iro.Web.Features.IndependentVisitors;

/// <summary>
/// Children in the user's scope waiting for an independent visitor today, the longest wait first, those over
/// three months flagged.
/// </summary>
[Authorize(Policy = Permissions.ViewOversight)]
public sealed class WaitingModel(IroDbContext db, CurrentUserAccessor currentUser, TimeProvider clock) : PageModel
{
    public const string Path = "/independent-visitors";

    public sealed record Row(string ChildId, string ChildName, DateOnly NeededOn, int Days, bool OverThreeMonths);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        Today = clock.ServiceToday();
        var today = Today;
        var visible = db.Children.VisibleTo(user);
        var needs = await db.IndependentVisitors.AsNoTracking()
            .Where(v => v.NeededOn <= today && (v.MatchedOn == null || v.MatchedOn > today) && (v.EndedOn == null || v.EndedOn > today)
                && visible.Any(c => c.Id == v.ChildId))
            .Select(v => new { v.Child!.LocalId, v.Child.FirstName, v.Child.LastName, Need = v })
            .ToListAsync(ct);
        Rows = [.. needs
            .Where(n => VoiceSummary.IsWaitingOn(n.Need, today))
            .GroupBy(n => n.LocalId)
            .Select(g => g.OrderBy(n => n.Need.NeededOn).First())
            .Select(n =>
            {
                var (days, over) = VoiceFormRules.Waiting(n.Need.NeededOn, today);
                return new Row(n.LocalId, Domain.Children.Child.DisplayNameOf(n.LocalId, n.FirstName, n.LastName), n.Need.NeededOn, days, over);
            })
            .OrderByDescending(r => r.Days).ThenBy(r => r.ChildId, StringComparer.Ordinal)];
    }
}
