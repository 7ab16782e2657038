using Iro.Domain.Children;
using Iro.Web.Access;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Children;

public sealed class DetailsModel(ChildRecordQuery query, CurrentUserAccessor currentUser, TimeProvider clock) : PageModel
{
    public Child Child { get; private set; } = null!;
    public IReadOnlyList<PeriodOfCare> Periods { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string childId, CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        var child = await query.LoadAsync(user, childId, ct);
        if (child is null) return NotFound();
        Child = child;
        Periods = PeriodsOfCare.From(child.Episodes);
        Today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        return Page();
    }
}
