using Iro.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Oversight;

/// <summary>Between reviews: the IRO's own children, or the whole service for managers.</summary>
[Authorize(Roles = Roles.ChildLevel)]
public sealed class IndexModel(OversightQuery query, CurrentUserAccessor currentUser, TimeProvider clock) : PageModel
{
    public OversightQuery.Result Result { get; private set; } = null!;
    public bool ServiceWide { get; private set; }
    public (IReadOnlyList<OversightQuery.ChildDate> Rows, string DateHeading, string Link) Midway => (Result.MidwayOverdue, "Midway review due", "oversight");
    public (IReadOnlyList<OversightQuery.ChildDate> Rows, string DateHeading, string Link) Records => (Result.RecordsOverdue, "Record due", "letter");

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        ServiceWide = user.Scope == ChildScope.All;
        Result = await query.RunAsync(user, DateOnly.FromDateTime(clock.GetLocalNow().Date), ct);
    }
}
