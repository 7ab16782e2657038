using Iro.Web.Access;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Iro.Web.Features.Home;

public sealed class IndexModel(HeadlineQuery query, CurrentUserAccessor currentUser, TimeProvider clock) : PageModel
{
    public HeadlineQuery.Headlines Headlines { get; private set; } = null!;
    public CurrentUser CurrentUser { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        CurrentUser = await currentUser.GetAsync(ct);
        Headlines = await query.RunAsync(CurrentUser, DateOnly.FromDateTime(clock.GetLocalNow().Date), ct);
    }
}
