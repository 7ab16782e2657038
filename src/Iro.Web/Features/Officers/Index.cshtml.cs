using Iro.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Officers;

public sealed class IndexModel(CaseloadQuery query, CurrentUserAccessor currentUser, TimeProvider clock) : PageModel
{
    public IReadOnlyList<CaseloadQuery.Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var user = await currentUser.GetAsync(ct);
        Rows = await query.RunAsync(user, DateOnly.FromDateTime(clock.GetLocalNow().Date), ct);
    }
}
